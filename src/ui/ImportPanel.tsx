// Getting a file in: pick, drop or paste; a preview of what was detected
// (encoding, delimiter, shape, questions) that the user can override; then the
// import in a Web Worker with progress and Cancel. A failed import changes
// nothing: the library and the current view stay as they were.
import { useEffect, useRef, useState } from 'react';
import type { Preview } from '../core/pipeline';
import type { SchemaOverride } from '../core/schema/types';
import {
  loadFile,
  PREVIEW_BYTES,
  previewFile,
  type Progress,
  type RunningImport,
} from '../app/importClient';
import type { ImportOptions } from '../app/importProtocol';
import type { StoredSurvey } from '../state/models/stored';
import { formatNumber } from '../core/format/number';
import { PreviewView } from './PreviewView';
import { PublishedPasteForm } from './PublishedPasteForm';
import { describeError } from '../state/models/errors';
import { appMessages, importPanelMessages as IM } from '../core/messages';
import { isZipFile } from '../core/xlsx/index';
import { isParquetFile } from '../core/parquet/index';
import { IMPORT_ACCEPT } from './importAccept';
import { pendingFromFile, pendingFromText, type PendingFile } from './pendingFile';

interface Props {
  initial: PendingFile | null;
  /** The survey is imported (and saved, unless `saveProblem` says why not). */
  onImported: (record: StoredSurvey, saveProblem: string | null) => void;
  onClose: () => void;
}

type Stage =
  | { step: 'choose' }
  | { step: 'preview'; file: PendingFile; preview: Preview | null; error: string | null }
  | { step: 'importing'; file: PendingFile; progress: Progress | null; run: RunningImport };

export function ImportPanel({ initial, onImported, onClose }: Props) {
  // A dropped file starts at its preview; App remounts the panel (key) for each new drop.
  const [stage, setStage] = useState<Stage>(() =>
    initial ? { step: 'preview', file: initial, preview: null, error: null } : { step: 'choose' },
  );
  const [options, setOptions] = useState<ImportOptions>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);

  const start = (file: PendingFile) => {
    setFailure(null);
    setOptions({});
    setStage({ step: 'preview', file, preview: null, error: null });
  };

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  // Re-run the preview whenever the file or the user's overrides change.
  const previewKey = stage.step === 'preview' ? stage.file : null;
  useEffect(() => {
    if (!previewKey) return;
    let live = true;
    void previewKey
      .head(PREVIEW_BYTES)
      // A workbook's ZIP directory and a Parquet footer are at the end: their preview needs the whole file.
      .then((head) =>
        isZipFile(head) || isParquetFile(head) ? previewKey.head(previewKey.size) : head,
      )
      .then((head) =>
        previewFile(head, { ...options, file: previewKey.name }, head.length >= previewKey.size),
      )
      .then((r) => {
        if (!live) return;
        setStage((s) =>
          s.step === 'preview' && s.file === previewKey
            ? { ...s, preview: r.ok ? r.value : null, error: r.ok ? null : describeError(r.error) }
            : s,
        );
      });
    return () => {
      live = false;
    };
  }, [previewKey, options]);

  const pickFile = (file: File | undefined) => {
    if (file) start(pendingFromFile(file));
  };

  const runImport = (file: PendingFile, chosen: ImportOptions = options) => {
    const run = loadFile(file.source, { ...chosen, file: file.name }, (progress) =>
      setStage((s) => (s.step === 'importing' ? { ...s, progress } : s)),
    );
    setStage({ step: 'importing', file, progress: null, run });
    void run.promise.then((result) => {
      if (!result.ok) {
        // Said once: a cancelled import is the user's own doing, and other failures
        // may already say that nothing was imported.
        setFailure(
          result.error.code === 'import-cancelled'
            ? result.error.message
            : appMessages.withNothingImported(describeError(result.error)),
        );
        setStage({ step: 'preview', file, preview: null, error: null });
        return;
      }
      onImported(result.value.record, result.value.saveProblem);
    });
  };

  const setOverrides = (schemaOverrides: SchemaOverride[]) =>
    setOptions((o) => ({ ...o, schemaOverrides }));

  return (
    <section className="import-panel" aria-labelledby="import-heading" data-testid="import-panel">
      <div className="toolbar" style={{ justifyContent: 'space-between' }}>
        <h2 id="import-heading" tabIndex={-1} ref={headingRef}>
          {IM.heading}
        </h2>
        <button
          type="button"
          className="btn"
          onClick={() => (stage.step === 'importing' ? stage.run.cancel() : onClose())}
        >
          {stage.step === 'importing' ? IM.cancelImport : IM.close}
        </button>
      </div>
      {failure ? (
        <p className="banner problem" role="alert" data-testid="import-error">
          {failure}
        </p>
      ) : null}
      {stage.step === 'choose' || stage.step === 'preview' ? (
        <div className="toolbar">
          <label className="btn">
            {IM.chooseFile}
            <input
              type="file"
              accept={IMPORT_ACCEPT}
              className="visually-hidden"
              data-testid="file-input"
              onChange={(e) => pickFile(e.target.files?.[0])}
            />
          </label>
          <span className="muted">{IM.orDrop}</span>
        </div>
      ) : null}
      {stage.step === 'choose' ? (
        <div>
          <label htmlFor="paste-box" className="visually-hidden">
            {IM.pasteLabel}
          </label>
          <textarea
            id="paste-box"
            rows={5}
            style={{ width: '100%', fontFamily: 'ui-monospace, monospace' }}
            placeholder={IM.pastePlaceholder}
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
          />
          <button
            type="button"
            className="btn"
            disabled={pasted.trim() === ''}
            onClick={() => start(pendingFromText(IM.pastedFileName, pasted))}
          >
            {IM.usePasted}
          </button>
        </div>
      ) : null}
      {stage.step === 'preview' ? (
        <>
          <p className="meta">
            <bdi>{stage.file.name}</bdi> · {IM.fileSize(formatNumber(stage.file.size / 1024, 1))}
          </p>
          {stage.error ? (
            <p className="banner problem" role="alert" data-testid="preview-error">
              {stage.error}
            </p>
          ) : null}
          {stage.preview?.pasted ? (
            // A pasted report table: one published question, saved through the same import.
            <PublishedPasteForm
              question={stage.preview.pasted}
              onSave={(csv) => runImport(pendingFromText(stage.file.name, csv), {})}
              onDecline={() => setOptions((o) => ({ ...o, shape: 'respondents' }))}
            />
          ) : stage.preview ? (
            <PreviewView
              preview={stage.preview}
              fileName={stage.file.name}
              options={options}
              setOptions={setOptions}
              setOverrides={setOverrides}
            />
          ) : stage.error ? null : (
            <p className="muted">{IM.readingFirstRows}</p>
          )}
          {stage.preview?.pasted ? null : (
            <button
              type="button"
              className="btn primary"
              disabled={!stage.preview}
              onClick={() => runImport(stage.file)}
            >
              {IM.importButton} <bdi>{stage.file.name}</bdi>
            </button>
          )}
        </>
      ) : null}
      {stage.step === 'importing' ? (
        <div aria-live="polite">
          <p>
            {IM.importing} <bdi>{stage.file.name}</bdi>:{' '}
            {stage.progress
              ? IM.progress(
                  formatNumber(stage.progress.bytes / 1e6, 1),
                  formatNumber(stage.progress.totalBytes / 1e6, 1),
                  formatNumber(stage.progress.rows, 0),
                )
              : IM.starting}
          </p>
          <progress
            max={stage.progress?.totalBytes ?? 1}
            value={stage.progress?.bytes ?? 0}
            aria-label={IM.progressLabel}
            style={{ width: '100%' }}
          />
        </div>
      ) : null}
    </section>
  );
}
