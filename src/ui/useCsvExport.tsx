// The library's Export CSV of respondent data, written in a worker
// (app/exportClient.ts): progress ("Writing 420,000 of 1,000,000 rows"), a
// Cancel button, and the download when it is done. One export at a time.
// Focus: the Cancel button takes it when the export starts; when the export
// ends, it goes back to the button that started it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { exportRespondentsCsv, type RunningExport } from '../app/exportClient';
import { exportWorkerMessages as M } from '../core/messages';
import type { RespondentTable } from '../core/table/types';
import { downloadBlob } from './download';

interface Running {
  title: string;
  rows: number;
  totalRows: number;
  run: RunningExport;
}

export interface CsvExport {
  /** Starts an export unless one is running; `origin` gets focus back when it ends. */
  start(table: RespondentTable, title: string, fileName: string, origin: HTMLElement | null): void;
  /** The progress region, or null when nothing is exporting and nothing was said. */
  view: React.ReactNode;
}

export function useCsvExport(): CsvExport {
  const [running, setRunning] = useState<Running | null>(null);
  const [said, setSaid] = useState<{ text: string; problem: boolean } | null>(null);
  const origin = useRef<HTMLElement | null>(null);
  const cancelRef = useRef<HTMLButtonElement | null>(null);
  const current = useRef<RunningExport | null>(null);

  // An export still running when the page goes away is stopped.
  useEffect(() => () => current.current?.cancel(), []);

  const start = useCallback(
    (table: RespondentTable, title: string, fileName: string, from: HTMLElement | null) => {
      if (current.current !== null) {
        setSaid({ text: M.busy, problem: true });
        return;
      }
      origin.current = from;
      setSaid(null);
      const run = exportRespondentsCsv(table, title, (p) =>
        setRunning((r) => (r === null ? r : { ...r, rows: p.rows, totalRows: p.totalRows })),
      );
      current.current = run;
      setRunning({ title, rows: 0, totalRows: table.rowCount, run });
      void run.promise.then((result) => {
        current.current = null;
        setRunning(null);
        if (result.ok) {
          downloadBlob(fileName, result.value);
          setSaid({ text: M.done(title, table.rowCount), problem: false });
        } else
          setSaid({
            text: result.error.message,
            problem: result.error.code !== 'export-cancelled',
          });
        origin.current?.focus();
      });
    },
    [],
  );

  useEffect(() => {
    if (running !== null && running.rows === 0) cancelRef.current?.focus();
  }, [running]);

  const view =
    running !== null ? (
      <div className="note" data-testid="export-progress">
        <label>
          {M.progressLabel(running.title)} <progress max={running.totalRows} value={running.rows} />
        </label>{' '}
        <span role="status" aria-live="polite">
          {M.writing(running.rows, running.totalRows)}
        </span>{' '}
        <button type="button" className="btn" ref={cancelRef} onClick={() => running.run.cancel()}>
          {M.cancel}
        </button>
      </div>
    ) : said !== null ? (
      <p
        className={said.problem ? 'banner problem' : 'note'}
        role={said.problem ? 'alert' : 'status'}
        data-testid="export-result"
      >
        {said.text}
      </p>
    ) : null;
  return { start, view };
}
