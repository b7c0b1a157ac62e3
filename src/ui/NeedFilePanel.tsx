// A link made from a large upload names the file by its fingerprint: ask for
// that file, refuse any other, then import it and open the view.
import { useState } from 'react';
import { checkFingerprint } from '../state/share/fingerprint';
import { loadFile } from '../state/importClient';
import { describeError } from '../state/errors';
import type { StoredSurvey } from '../state/persist';

interface Props {
  surveyId: string;
  fingerprint: string;
  fileName: string | null;
  onLoaded: (record: StoredSurvey) => void;
}

export function NeedFilePanel({ surveyId, fingerprint, fileName, onLoaded }: Props) {
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const choose = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setMessage(null);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const same = await checkFingerprint(fingerprint, bytes);
    if (!same.ok) {
      setBusy(false);
      setMessage(same.error.message);
      return;
    }
    const result = await loadFile(bytes, { file: file.name }, () => undefined).promise;
    setBusy(false);
    if (!result.ok) {
      setMessage(describeError(result.error));
      return;
    }
    const loaded = result.value;
    const base = {
      id: surveyId,
      file: file.name,
      addedAt: new Date().toISOString(),
      fingerprint,
      bytes: file.size,
    };
    onLoaded(
      loaded.kind === 'distribution'
        ? { ...base, kind: 'distribution', name: loaded.survey.meta.title, survey: loaded.survey }
        : { ...base, kind: 'respondents', name: loaded.table.meta.title, table: loaded.table },
    );
  };
  return (
    <section className="import-panel" data-testid="need-file">
      <h2>This view needs its file</h2>
      <p>
        The link was made from {fileName ? <strong>{fileName}</strong> : 'an uploaded file'}, which
        is not in this browser. Choose that file to open the view; it stays on your machine.
      </p>
      <label className="btn">
        Choose {fileName ?? 'the file'}…
        <input
          type="file"
          className="visually-hidden"
          data-testid="need-file-input"
          accept=".csv,.tsv,.txt,text/csv,text/plain"
          disabled={busy}
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </label>
      {busy ? <p className="muted">Checking and reading the file…</p> : null}
      {message ? (
        <p className="banner problem" role="alert" data-testid="need-file-error">
          {message}
        </p>
      ) : null}
    </section>
  );
}
