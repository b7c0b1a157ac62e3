// The shell: header, library sidebar, and the page the URL names.
import { useMemo } from 'react';
import { useHashView } from './useHashView';
import { resolveView } from '../state/resolve';
import { useLibrary } from './useLibrary';
import { Sidebar } from './Sidebar';
import { LibraryPage } from './LibraryPage';
import { SurveyPage } from './SurveyPage';
import { QuestionPage } from './QuestionPage';
import { FlagsPage } from './FlagsPage';
import { ErrorBoundary } from './ErrorBoundary';
import { hrefFor } from './useHashView';
import { HOME } from '../state/view';

export function App() {
  const [decoded, navigate] = useHashView();
  const library = useLibrary();
  // The link may name a survey or question that does not exist: show the
  // nearest valid view and say why, rather than a blank page.
  const { view, problem: resolveProblem } = useMemo(
    () => resolveView(decoded.state, library),
    [decoded.state, library],
  );
  const problem = decoded.problem ?? resolveProblem;
  const entry =
    view.survey === null ? null : (library.entries.find((e) => e.id === view.survey) ?? null);

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
        </nav>
      </header>
      <Sidebar library={library} view={view} />
      <main id="main" tabIndex={-1}>
        {problem ? (
          <p className="banner problem" role="alert">
            {problem}
          </p>
        ) : null}
        <ErrorBoundary key={`${view.page}:${view.survey}:${view.question}`}>
          {view.page === 'library' ? <LibraryPage library={library} /> : null}
          {view.page === 'flags' ? <FlagsPage library={library} /> : null}
          {view.page === 'survey' && entry ? <SurveyPage entry={entry} /> : null}
          {view.page === 'question' && entry && view.question ? (
            <QuestionPage library={library} entry={entry} view={view} navigate={navigate} />
          ) : null}
        </ErrorBoundary>
      </main>
    </div>
  );
}
