// The shell: header, library sidebar, the import panel when open, and the
// page the URL names. Files can be dropped anywhere on the page.
import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { hrefFor, useHashView } from './useHashView';
import { resolveView } from '../state/url/resolve';
import { useLibrary } from './useLibrary';
import { Sidebar } from './Sidebar';
import { LibraryPage } from './LibraryPage';
import { SurveyPage } from './SurveyPage';
import { QuestionPage } from './QuestionPage';
import { ErrorBoundary } from './ErrorBoundary';
import { pendingFromFile, type PendingFile } from './pendingFile';
import { HOME, type ViewState } from '../state/url/view';
import { recordFromPayload, shareLink } from '../state/url/shareLink';
import { describeError } from '../state/models/errors';
import { ShareBar } from './ShareBar';
import { lazyPage } from './lazyPage';

// Pages a first visit does not need load when opened, so the first download
// stays within its budget (perf/bundle.ts): the library, survey and question
// pages are in the entry chunk; these each come as their own chunk.
const CrosstabPage = lazyPage(() => import('./CrosstabPage'), 'CrosstabPage');
const TabBookPage = lazyPage(() => import('./TabBookPage'), 'TabBookPage');
const CountsPage = lazyPage(() => import('./CountsPage'), 'CountsPage');
const FlagsPage = lazyPage(() => import('./FlagsPage'), 'FlagsPage');
const ImportPanel = lazyPage(() => import('./ImportPanel'), 'ImportPanel');
const NeedFilePanel = lazyPage(() => import('./NeedFilePanel'), 'NeedFilePanel');
import { appMessages, libraryMessages, storageMessages } from '../core/messages';

export function App() {
  const [decoded, navigate] = useHashView();
  const [library, actions] = useLibrary();
  const [importing, setImporting] = useState<{ file: PendingFile | null; key: number } | null>(
    null,
  );
  const [notice, setNotice] = useState<string | null>(null);
  // Below 800 px the sidebar is a drawer behind the menu button (styles/phone.css hides it there).
  // It is open for the view it was opened on: a new view (the link followed in it) closes it.
  const [drawerOpenOn, setDrawerOpenOn] = useState<ViewState | null>(null);
  const drawerOpen = drawerOpenOn !== null && drawerOpenOn === decoded.state;
  const setDrawerOpen = (open: boolean) => setDrawerOpenOn(open ? decoded.state : null);
  const menuRef = useRef<HTMLButtonElement>(null);
  const importRef = useRef<HTMLButtonElement>(null);
  const closeDrawer = useCallback((returnFocus: boolean) => {
    setDrawerOpenOn(null);
    // Escape goes back to the menu button; a followed link goes on to the page it opens.
    if (returnFocus) menuRef.current?.focus();
    else document.getElementById('main')?.focus();
  }, []);
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
  // Kept from a link under a new id (its own was taken): the link's payload is not opened again.
  const keptAs = missing !== null ? actions.keptAs(missing) : null;
  const carriedData =
    missing !== null && keptAs === null && attachment?.data ? attachment.data : null;
  const carried = useMemo(
    () =>
      missing !== null && carriedData !== null ? recordFromPayload(missing, carriedData) : null,
    [missing, carriedData],
  );
  const needsFile =
    missing !== null && keptAs === null && !carriedData && attachment?.fingerprint
      ? attachment
      : null;
  const carriedProblem = carried && !carried.ok ? describeError(carried.error) : null;
  const problem =
    decoded.problem ??
    carriedProblem ??
    (carried || needsFile || library.loading ? null : resolveProblem);

  // A survey carried in a link is shown in this tab only: nothing is written to the
  // library until the user presses "Keep in my library".
  useEffect(() => {
    if (carried?.ok) actions.open(carried.value);
    // The payload is opened once per link; `actions` changes with every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [carried]);
  useEffect(() => {
    if (keptAs !== null) navigate({ ...decoded.state, survey: keptAs });
  }, [keptAs, decoded.state, navigate]);
  const keepLinked = (id: string) =>
    void actions.keep(id).then((kept) => {
      setNotice(kept.message);
      if (kept.id !== id && view.survey === id) navigate({ ...view, survey: kept.id });
    });

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
        {appMessages.skipLink}
      </a>
      <header className="app-header">
        <button
          type="button"
          className="btn menu-button"
          ref={menuRef}
          aria-expanded={drawerOpen}
          aria-controls="sidebar"
          onClick={() => (drawerOpen ? closeDrawer(true) : setDrawerOpen(true))}
        >
          <span aria-hidden="true">☰ </span>
          {appMessages.menu}
        </button>
        <h1>
          <a href={hrefFor(HOME)} style={{ color: 'inherit', textDecoration: 'none' }}>
            {appMessages.appName}
          </a>
        </h1>
        <nav aria-label={appMessages.viewsNav}>
          <a
            className="btn"
            href={hrefFor(HOME)}
            aria-current={view.page === 'library' ? 'page' : undefined}
          >
            {appMessages.libraryLink}
          </a>
          <a
            className="btn"
            href={hrefFor({ ...HOME, page: 'flags' })}
            aria-current={view.page === 'flags' ? 'page' : undefined}
          >
            {appMessages.flagsLink(library.flagCount)}
          </a>
          <button
            type="button"
            className="btn primary"
            ref={importRef}
            onClick={() => setImporting({ file: null, key: Date.now() })}
          >
            {appMessages.importFile}
          </button>
        </nav>
      </header>
      <Sidebar library={library} view={view} open={drawerOpen} onClose={closeDrawer} />
      <main id="main" tabIndex={-1}>
        <Suspense
          fallback={
            <p role="status" className="muted">
              {appMessages.loadingPage}
            </p>
          }
        >
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
          {actions.remoteNotice ? (
            <p className="banner" role="status" data-testid="remote-notice">
              {actions.remoteNotice}
            </p>
          ) : null}
          {entry?.origin === 'link' ? (
            <div className="banner notice" data-testid="from-link">
              <p>{storageMessages.fromLinkNotice(entry.title)}</p>
              <button type="button" className="btn primary" onClick={() => keepLinked(entry.id)}>
                {storageMessages.keep}
              </button>
            </div>
          ) : null}
          {needsFile && missing ? (
            <NeedFilePanel
              surveyId={missing}
              fingerprint={needsFile.fingerprint ?? ''}
              fileName={needsFile.fileName}
              definition={needsFile.definition}
              onLoaded={(record, saveProblem) => {
                // Choosing the file is the user's own act, so the survey is saved (never over a
                // different survey: a taken id gives a new one), and the notice says so.
                actions.adopt(record, saveProblem);
                const moved = record.id !== missing;
                setNotice(
                  saveProblem ??
                    (moved
                      ? storageMessages.keptUnderNewId(record.name, missing, record.id)
                      : storageMessages.fromLinkFileSaved(record.name)),
                );
                if (moved) navigate({ ...decoded.state, survey: record.id });
              }}
            />
          ) : null}
          {carried?.ok ? <p className="muted">{appMessages.openingFromLink}</p> : null}
          {library.loading && wanted !== null && !entry ? (
            <p className="muted" role="status">
              {libraryMessages.loading}
            </p>
          ) : null}
          {entry &&
          (view.page === 'survey' ||
            view.page === 'question' ||
            view.page === 'crosstab' ||
            view.page === 'tabs') ? (
            <ShareBar link={shareLink(window.location.href, view, entry)} />
          ) : null}
          {importing ? (
            <ErrorBoundary>
              <ImportPanel
                key={importing.key}
                initial={importing.file}
                onClose={() => {
                  setImporting(null);
                  // Back to the button that opened the panel, not to <body>.
                  importRef.current?.focus();
                }}
                onImported={(record, saveProblem) => {
                  // Respondent data's likely next page is its crosstab: its code is fetched
                  // now, so the first crosstab waits for no download (lazyPage.ts).
                  if (record.kind === 'respondents') CrosstabPage.preload();
                  setImporting(null);
                  actions.adopt(record, saveProblem);
                  setNotice(saveProblem);
                  navigate({ ...HOME, page: 'survey', survey: record.id });
                  // The panel is gone: focus goes on to the page of the imported survey.
                  document.getElementById('main')?.focus();
                }}
              />
            </ErrorBoundary>
          ) : null}
          <ErrorBoundary key={`${view.page}:${view.survey}:${view.question}`}>
            {view.page === 'library' && !needsFile && !carried?.ok ? (
              <LibraryPage library={library} actions={actions} />
            ) : null}
            {view.page === 'flags' ? <FlagsPage library={library} /> : null}
            {view.page === 'counts' ? <CountsPage view={view} navigate={navigate} /> : null}
            {view.page === 'survey' && entry ? <SurveyPage entry={entry} /> : null}
            {view.page === 'crosstab' && entry ? (
              <CrosstabPage entry={entry} view={view} navigate={navigate} />
            ) : null}
            {view.page === 'tabs' && entry?.table ? (
              <TabBookPage
                entry={entry}
                view={view}
                navigate={navigate}
                onSaved={(record) => actions.adopt(record, null)}
              />
            ) : null}
            {view.page === 'question' && entry && view.question ? (
              <QuestionPage library={library} entry={entry} view={view} navigate={navigate} />
            ) : null}
          </ErrorBoundary>
        </Suspense>
      </main>
    </div>
  );
}
