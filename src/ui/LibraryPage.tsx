import { useState } from 'react';
import type { Library, LibraryEntry } from '../state/models/library';
import type { LibraryActions } from './useLibrary';
import { exportDistributionCsv } from '../core/published/export';
import { downloadBlob, downloadText } from './download';
import { exportParquet } from '../core/parquet/index';
import { formatDefinition } from '../core/definition/definition';
import { fileStem } from '../core/surveys';
import { hrefFor } from './useHashView';
import { HOME } from '../state/url/view';
import { ScrollBox } from './ScrollBox';
import { useCsvExport } from './useCsvExport';
import { countsMessages, libraryMessages as L, storageMessages } from '../core/messages';
import { formatNumber } from '../core/format/number';

const csvName = (entry: LibraryEntry) => entry.file.replace(/\.[^.]*$/, '') + '.csv';

/** Published figures are small: written at once. Respondent data is written in a worker (useCsvExport). */
function exportEntry(entry: LibraryEntry) {
  downloadText(csvName(entry), exportDistributionCsv(entry.survey));
}

/**
 * The survey definition the respondent data was read with: load it with the
 * same file in the CLI (--definition) or in another browser's import preview.
 */
function downloadDefinition(entry: LibraryEntry) {
  if (entry.definition === null) return;
  downloadText(
    `${fileStem(entry.file)}.definition.json`,
    formatDefinition(entry.definition),
    'application/json;charset=utf-8',
  );
}

/**
 * Respondent data as Parquet, its definition in the file's metadata: how a user
 * hands the data and its decisions to DuckDB, pandas or a warehouse. The writer
 * is loaded only now (core/parquet).
 */
function downloadParquet(entry: LibraryEntry) {
  if (entry.table === null || entry.definition === null) return;
  void exportParquet(entry.table, entry.definition).then((bytes) =>
    downloadBlob(
      `${fileStem(entry.file)}.parquet`,
      new Blob([bytes], { type: 'application/vnd.apache.parquet' }),
    ),
  );
}

export function LibraryPage({ library, actions }: { library: Library; actions: LibraryActions }) {
  const [message, setMessage] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const csv = useCsvExport();
  return (
    <>
      <h2>{L.heading}</h2>
      <p className="meta">
        {L.introBefore} <a href={hrefFor({ ...HOME, page: 'flags' })}>{L.introLink}</a>{' '}
        {L.introAfter}
      </p>
      <p className="meta">
        {countsMessages.openCountsHint}{' '}
        <a href={hrefFor({ ...HOME, page: 'counts' })}>{countsMessages.openCounts}</a>
      </p>
      {library.loadErrors.map((e) => (
        <p key={e.file} className="banner problem" role="alert">
          {e.message}
        </p>
      ))}
      {actions.storageProblem ? (
        <p className="banner problem" role="alert">
          {actions.storageProblem}
        </p>
      ) : null}
      {message ? (
        <p className="banner problem" role="alert">
          {message}
        </p>
      ) : null}
      {csv.view}
      {actions.lastDeleted ? (
        <p className="banner problem" role="status" data-testid="undo-bar">
          {L.deleted} “<bdi>{actions.lastDeleted.name}</bdi>”.{' '}
          <button
            type="button"
            className="btn"
            onClick={() => void actions.restore().then(setMessage)}
          >
            {L.undo}
          </button>
        </p>
      ) : null}
      {library.loading ? (
        <p className="muted" role="status">
          {L.loading}
        </p>
      ) : (
        <ScrollBox label={L.tableLabel}>
          <table className="data" data-testid="library-table">
            <caption>{L.caption(library.entries.length)}</caption>
            <thead>
              <tr>
                <th scope="col">{L.columnSurvey}</th>
                <th scope="col">{L.columnPublisher}</th>
                <th scope="col">{L.columnDate}</th>
                <th scope="col" className="num">
                  {L.columnRespondents}
                </th>
                <th scope="col" className="num">
                  {L.columnQuestions}
                </th>
                <th scope="col" className="num">
                  {L.columnFlags}
                </th>
                <th scope="col">{L.columnActions}</th>
              </tr>
            </thead>
            <tbody>
              {library.entries.map((e) => (
                <tr key={e.id}>
                  <td>
                    <a href={hrefFor({ ...HOME, page: 'survey', survey: e.id })}>
                      <bdi>{e.title}</bdi>
                    </a>
                    {e.origin === 'link' ? (
                      <div className="chip" data-testid="from-link-tag">
                        {storageMessages.fromLinkTag}
                      </div>
                    ) : null}
                    {e.notice ? (
                      <div className="muted">
                        <bdi>{e.notice}</bdi>
                      </div>
                    ) : null}
                  </td>
                  <td>{e.publisher === null ? L.none : <bdi>{e.publisher}</bdi>}</td>
                  {/* Respondent data: its own date when the file gives one, its size beside it. */}
                  <td>{e.date === null ? L.none : e.dateText}</td>
                  <td className="num">
                    {e.respondents === null ? L.none : formatNumber(e.respondents, 0)}
                  </td>
                  <td className="num">{e.questions.length}</td>
                  <td className="num">{e.flagCount}</td>
                  <td>
                    <button
                      type="button"
                      className="btn"
                      onClick={(ev) =>
                        e.table === null
                          ? exportEntry(e)
                          : csv.start(e.table, e.title, csvName(e), ev.currentTarget)
                      }
                      aria-label={L.exportCsv(e.title)}
                    >
                      {L.exportCsvButton}
                    </button>
                    {e.definition !== null ? (
                      <button
                        type="button"
                        className="btn"
                        onClick={() => downloadDefinition(e)}
                        aria-label={L.downloadDefinitionOf(e.title)}
                      >
                        {L.downloadDefinition}
                      </button>
                    ) : null}
                    {e.table !== null && e.definition !== null ? (
                      <button
                        type="button"
                        className="btn"
                        onClick={() => downloadParquet(e)}
                        aria-label={L.exportParquetOf(e.title)}
                      >
                        {L.exportParquet}
                      </button>
                    ) : null}
                    {e.origin === 'link' ? (
                      <button
                        type="button"
                        className="btn primary"
                        onClick={() => void actions.keep(e.id).then((r) => setMessage(r.message))}
                        aria-label={storageMessages.keepLabel(e.title)}
                      >
                        {storageMessages.keep}
                      </button>
                    ) : null}
                    {e.origin === 'upload' ? (
                      renaming?.id === e.id ? (
                        <form
                          style={{ display: 'inline' }}
                          onSubmit={(ev) => {
                            ev.preventDefault();
                            void actions
                              .rename(e.id, renaming.name.trim() || e.title)
                              .then(setMessage);
                            setRenaming(null);
                          }}
                        >
                          <input
                            aria-label={L.newName(e.title)}
                            value={renaming.name}
                            onChange={(ev) => setRenaming({ id: e.id, name: ev.target.value })}
                          />
                          <button type="submit" className="btn">
                            {L.save}
                          </button>
                        </form>
                      ) : (
                        <>
                          <button
                            type="button"
                            className="btn"
                            onClick={() => setRenaming({ id: e.id, name: e.title })}
                            aria-label={L.renameLabel(e.title)}
                          >
                            {L.rename}
                          </button>
                          <button
                            type="button"
                            className="btn"
                            onClick={() => void actions.remove(e.id).then(setMessage)}
                            aria-label={L.deleteLabel(e.title)}
                          >
                            {L.delete}
                          </button>
                        </>
                      )
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </>
  );
}
