import type { Library } from '../state/models/library';
import type { ViewState } from '../state/url/view';
import { hrefFor } from './useHashView';
import { HOME } from '../state/url/view';

export function Sidebar({ library, view }: { library: Library; view: ViewState }) {
  return (
    <nav className="sidebar" aria-label="Survey library">
      {library.groups.map((group) => (
        <section key={group.publisher}>
          <h2>{group.publisher}</h2>
          <ul>
            {group.entries.map((entry) => {
              const current = view.survey === entry.id;
              return (
                <li key={entry.id}>
                  <a
                    href={hrefFor({ ...HOME, page: 'survey', survey: entry.id })}
                    aria-current={current && view.page === 'survey' ? 'page' : undefined}
                  >
                    {entry.title}
                    <span className="date">
                      {entry.dateText}
                      {entry.notice ? ` · ${entry.notice}` : ''}
                    </span>
                  </a>
                  {current && entry.table ? (
                    <a
                      href={hrefFor({ ...HOME, page: 'crosstab', survey: entry.id })}
                      aria-current={view.page === 'crosstab' ? 'page' : undefined}
                      style={{ marginLeft: 10, fontWeight: 600 }}
                    >
                      Crosstab
                    </a>
                  ) : null}
                  {current ? (
                    <ul aria-label={`Questions in ${entry.title}`} style={{ marginLeft: 10 }}>
                      {entry.questions.map((q) => (
                        <li key={q.id}>
                          <a
                            href={hrefFor({
                              ...HOME,
                              page: 'question',
                              survey: entry.id,
                              question: q.id,
                            })}
                            aria-current={view.question === q.id ? 'page' : undefined}
                            style={{ fontSize: '0.88rem' }}
                          >
                            {q.text}
                          </a>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </nav>
  );
}
