// The shell: header, library sidebar, the import panel when open, and the
// page the URL names. Files can be dropped anywhere on the page.
import { useEffect, useMemo, useState } from 'react';
import { hrefFor, useHashView } from './useHashView';
import { resolveView } from '../state/url/resolve';
import { useLibrary } from './useLibrary';
import { Sidebar } from './Sidebar';
import { LibraryPage } from './LibraryPage';
import { SurveyPage } from './SurveyPage';
import { QuestionPage } from './QuestionPage';
import { FlagsPage } from './FlagsPage';
import { CrosstabPage } from './CrosstabPage';
import { ErrorBoundary } from './ErrorBoundary';
import { ImportPanel, pendingFromFile, type PendingFile } from './ImportPanel';
import { HOME } from '../state/url/view';
import { recordFromPayload, shareLink } from '../state/url/shareLink';
import { describeError } from '../state/models/errors';
import { NeedFilePanel } from './NeedFilePanel';
import { ShareBar } from './ShareBar';

export function App() {
  const [decoded, navigate] = useHashView();
  const [library, actions] = useLibrary();
  const [importing, setImporting] = useState<{ file: PendingFile | null; key: number } | null>(
    null,
  );
  const [notice, setNotice] = useState<string | null>(null);
  // The link may name a survey or question that does not exist: show the
  // nearest valid view and say why, rather than a blank page.
  const { view, problem: resolveProblem } = useMemo(
    () => resolveView(decoded.state, library),
    [decoded.state, library],
  );
  const entry =
    view.survey === null ? null : (library.entries.find((e) => e.id === view.survey) ?? null);
  // A link may carry the survey it shows (or name its file): until that survey is in the library,
  // say what is happening instead of "not in this library".
  const wanted = decoded.state.survey;
  const attachment = decoded.attachment;
  // Until the library is read, nothing is "missing" yet.
  const missing =
    !library.loading && wanted !== null && !library.entries.some((e) => e.id === wanted)
      ? wanted
      : null;
  const carriedData = missing !== null && attachment?.data ? attachment.data : null;
  const carried = useMemo(
    () =>
      missing !== null && carriedData !== null ? recordFromPayload(missing, carriedData) : null,
    [missing, carriedData],
  );
  const needsFile = missing !== null && !carriedData && attachment?.fingerprint ? attachment : null;
  const carriedProblem = carried && !carried.ok ? describeError(carried.error) : null;
  const problem =
    decoded.problem ??
    carriedProblem ??
    (carried || needsFile || library.loading ? null : resolveProblem);

  useEffect(() => {
    if (carried?.ok) void actions.add(carried.value).then(setNotice);
    // The payload is added once per link; `actions` changes with every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [carried]);

  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      e.preventDefault();
      setImporting({ file: pendingFromFile(file), key: Date.now() });
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <h1>
          <a href={hrefFor(HOME)} style={{ color: 'inherit', textDecoration: 'none' }}>
            Survey Workbench
          </a>
        </h1>
        <nav aria-label="Views">
          <a
            className="btn"
            href={hrefFor(HOME)}
            aria-current={view.page === 'library' ? 'page' : undefined}
          >
            Library
          </a>
          <a
            className="btn"
            href={hrefFor({ ...HOME, page: 'flags' })}
            aria-current={view.page === 'flags' ? 'page' : undefined}
          >
            Flags ({library.flagCount})
          </a>
          <button
            type="button"
            className="btn primary"
            onClick={() => setImporting({ file: null, key: Date.now() })}
          >
            Import a file…
          </button>
        </nav>
      </header>
      <Sidebar library={library} view={view} />
      <main id="main" tabIndex={-1}>
        {problem ? (
          <p className="banner problem" role="alert">
            {problem}
          </p>
        ) : null}
        {notice ? (
          <p className="banner problem" role="status">
            {notice}
          </p>
        ) : null}
        {needsFile && missing ? (
          <NeedFilePanel
            surveyId={missing}
            fingerprint={needsFile.fingerprint ?? ''}
            fileName={needsFile.fileName}
            definition={needsFile.definition}
            onLoaded={(record, saveProblem) => {
              actions.adopt(record, saveProblem);
              setNotice(saveProblem);
            }}
          />
        ) : null}
        {carried?.ok ? <p className="muted">Opening the survey carried in this link…</p> : null}
        {library.loading && wanted !== null && !entry ? (
          <p className="muted" role="status">
            Loading the library…
          </p>
        ) : null}
        {entry &&
        (view.page === 'survey' || view.page === 'question' || view.page === 'crosstab') ? (
          <ShareBar link={shareLink(window.location.href, view, entry)} />
        ) : null}
        {importing ? (
          <ErrorBoundary>
            <ImportPanel
              key={importing.key}
              initial={importing.file}
              onClose={() => setImporting(null)}
              onImported={(record, saveProblem) => {
                setImporting(null);
                actions.adopt(record, saveProblem);
                setNotice(saveProblem);
                navigate({ ...HOME, page: 'survey', survey: record.id });
              }}
            />
          </ErrorBoundary>
        ) : null}
        <ErrorBoundary key={`${view.page}:${view.survey}:${view.question}`}>
          {view.page === 'library' && !needsFile && !carried?.ok ? (
            <LibraryPage library={library} actions={actions} />
          ) : null}
          {view.page === 'flags' ? <FlagsPage library={library} /> : null}
          {view.page === 'survey' && entry ? <SurveyPage entry={entry} /> : null}
          {view.page === 'crosstab' && entry ? (
            <CrosstabPage entry={entry} view={view} navigate={navigate} />
          ) : null}
          {view.page === 'question' && entry && view.question ? (
            <QuestionPage library={library} entry={entry} view={view} navigate={navigate} />
          ) : null}
        </ErrorBoundary>
      </main>
    </div>
  );
}
