// A link made from a large upload names the file by its fingerprint: ask for
// that file, refuse any other, then import it and open the view.
import { useMemo, useState } from 'react';
import { decodeDefinitionPayload } from '../state/url/payload';
import { loadFile } from '../app/importClient';
import { describeError } from '../state/models/errors';
import type { StoredSurvey } from '../state/models/stored';
import { capEcho } from '../core/format/bidi';
import { IMPORT_ACCEPT } from './importAccept';
import { importPanelMessages as IM } from '../core/messages';

interface Props {
  surveyId: string;
  fingerprint: string;
  fileName: string | null;
  /** The sender's survey definition, compressed, as the link carries it. */
  definition: string | null;
  onLoaded: (record: StoredSurvey, saveProblem: string | null) => void;
}

export function NeedFilePanel({ surveyId, fingerprint, fileName, definition, onLoaded }: Props) {
  // The name is the link's text: shown capped and isolated, like every echo of a link.
  const named = fileName === null ? null : <bdi>{capEcho(fileName)}</bdi>;
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The file is read with the sender's decisions (questions, weight, answer order…).
  const decoded = useMemo(
    () => (definition === null ? null : decodeDefinitionPayload(definition)),
    [definition],
  );
  const choose = async (file: File | undefined) => {
    if (!file || (decoded !== null && !decoded.ok)) return;
    setBusy(true);
    setMessage(null);
    const options =
      decoded === null ? { file: file.name } : { file: file.name, definition: decoded.value };
    // The worker checks the fingerprint before it parses anything, and saves the survey.
    const result = await loadFile(file, options, () => undefined, {
      surveyId,
      expectFingerprint: fingerprint,
    }).promise;
    setBusy(false);
    if (!result.ok) setMessage(describeError(result.error));
    else onLoaded(result.value.record, result.value.saveProblem);
  };
  return (
    <section className="import-panel" data-testid="need-file">
      <h2>{IM.needFileHeading}</h2>
      <p>
        {IM.needFileBefore} {named ? <strong>{named}</strong> : IM.needFileUnnamed}
        {IM.needFileAfter}
      </p>
      <label className="btn">
        {IM.choose} {named ?? IM.theFile}…
        <input
          type="file"
          className="visually-hidden"
          data-testid="need-file-input"
          accept={IMPORT_ACCEPT}
          disabled={busy}
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </label>
      {decoded !== null && !decoded.ok ? (
        <p className="banner problem" role="alert" data-testid="need-file-error">
          {describeError(decoded.error)}
        </p>
      ) : null}
      {busy ? <p className="muted">{IM.checking}</p> : null}
      {message ? (
        <p className="banner problem" role="alert" data-testid="need-file-error">
          {message}
        </p>
      ) : null}
    </section>
  );
}
