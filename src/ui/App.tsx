// The shell: header, library sidebar, the import panel when open, and the
// page the URL names. Files can be dropped anywhere on the page.
import { useEffect, useMemo, useState } from 'react';
import { hrefFor, useHashView } from './useHashView';
import { resolveView } from '../state/resolve';
import { useLibrary } from './useLibrary';
import { Sidebar } from './Sidebar';
import { LibraryPage } from './LibraryPage';
import { SurveyPage } from './SurveyPage';
import { QuestionPage } from './QuestionPage';
import { FlagsPage } from './FlagsPage';
import { CrosstabPage } from './CrosstabPage';
import { ErrorBoundary } from './ErrorBoundary';
import { ImportPanel, pendingFromFile, type PendingFile } from './ImportPanel';
import { HOME } from '../state/view';

export function App() {
  const [decoded, navigate] = useHashView();
  const [library, actions] = useLibrary();
  const [importing, setImporting] = useState<{ file: PendingFile | null } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The link may name a survey or question that does not exist: show the
  // nearest valid view and say why, rather than a blank page.
  const { view, problem: resolveProblem } = useMemo(
    () => resolveView(decoded.state, library),
    [decoded.state, library],
  );
  const problem = decoded.problem ?? resolveProblem;
  const entry =
    view.survey === null ? null : (library.entries.find((e) => e.id === view.survey) ?? null);

  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      e.preventDefault();
      setImporting({ file: pendingFromFile(file) });
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
            onClick={() => setImporting({ file: null })}
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
        {importing ? (
          <ErrorBoundary>
            <ImportPanel
              initial={importing.file}
              onClose={() => setImporting(null)}
              onImported={(record) => {
                setImporting(null);
                void actions.add(record).then(setNotice);
                navigate({ ...HOME, page: 'survey', survey: record.id });
              }}
            />
          </ErrorBoundary>
        ) : null}
        <ErrorBoundary key={`${view.page}:${view.survey}:${view.question}`}>
          {view.page === 'library' ? <LibraryPage library={library} actions={actions} /> : null}
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
