// The import runs here, off the main thread, so the page stays responsive on
// large files. Any exception becomes a typed error: none reaches the UI.
import { loadSurveyFile, previewSurveyFile } from '../core/pipeline';
import type { Result } from '../core/result';
import type { FromWorker, ToWorker } from './importProtocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

function guarded<T>(file: string, run: () => Result<T>): Result<T> {
  try {
    return run();
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    const tooBig = err instanceof RangeError;
    return {
      ok: false,
      error: {
        code: tooBig ? 'file-too-large-for-memory' : 'internal-error',
        file,
        message: tooBig
          ? `${file} is too large to load in this browser tab (${detail}). Try a smaller extract of the file.`
          : `${file} could not be read because of an internal error (${detail}). Nothing was imported.`,
      },
    };
  }
}

scope.onmessage = (event) => {
  const msg = event.data;
  if (msg.type === 'preview') {
    const result = guarded(msg.options.file, () => previewSurveyFile(msg.bytes, msg.options));
    scope.postMessage({ id: msg.id, type: 'preview', result });
    return;
  }
  let last = 0;
  const result = guarded(msg.options.file, () =>
    loadSurveyFile(msg.bytes, {
      ...msg.options,
      onProgress: (p) => {
        const now = Date.now();
        if (now - last < 50 && p.bytes < p.totalBytes) return;
        last = now;
        scope.postMessage({ id: msg.id, type: 'progress', ...p });
      },
    }),
  );
  scope.postMessage({ id: msg.id, type: 'loaded', result });
};
