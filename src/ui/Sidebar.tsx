// The library beside every page; below 800 px a drawer behind the header's
// menu button (App): opening it moves focus into it, Escape or a click outside
// closes it and focus returns to the button, following a link closes it.
import { useEffect, useRef } from 'react';
import type { Library } from '../state/models/library';
import type { ViewState } from '../state/url/view';
import { hrefFor } from './useHashView';
import { HOME } from '../state/url/view';
import { questionPageMessages as Q, storageMessages, tabBookMessages } from '../core/messages';

interface Props {
  library: Library;
  view: ViewState;
  /** The drawer is open (narrow windows only; wide ones always show the sidebar). */
  open: boolean;
  /** Close the drawer; returnFocus: back to the menu button (else to the page). */
  onClose: (returnFocus: boolean) => void;
}

export function Sidebar({ library, view, open, onClose }: Props) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!open) return;
    ref.current?.querySelector<HTMLElement>('a[aria-current="page"], a')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose(true);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, onClose]);
  return (
    <>
      {open ? (
        <div className="drawer-backdrop" aria-hidden="true" onClick={() => onClose(true)} />
      ) : null}
      <nav
        id="sidebar"
        ref={ref}
        className={open ? 'sidebar open' : 'sidebar'}
        aria-label={Q.sidebarLabel}
        onClick={(e) => {
          if (open && (e.target as HTMLElement).closest('a')) onClose(false);
        }}
      >
        {library.groups.map((group) => (
          <section key={group.publisher}>
            <h2>
              <bdi>{group.publisher}</bdi>
            </h2>
            <ul>
              {group.entries.map((entry) => {
                const current = view.survey === entry.id;
                return (
                  <li key={entry.id}>
                    <a
                      href={hrefFor({ ...HOME, page: 'survey', survey: entry.id })}
                      aria-current={current && view.page === 'survey' ? 'page' : undefined}
                    >
                      <bdi>{entry.title}</bdi>
                      <span className="date">
                        {entry.subtitle}
                        {entry.notice ? (
                          <>
                            {' · '}
                            <bdi>{entry.notice}</bdi>
                          </>
                        ) : null}
                        {entry.origin === 'link' ? ` · ${storageMessages.fromLinkTag}` : ''}
                      </span>
                    </a>
                    {current && entry.table ? (
                      <a
                        href={hrefFor({ ...HOME, page: 'crosstab', survey: entry.id })}
                        aria-current={view.page === 'crosstab' ? 'page' : undefined}
                        style={{ marginLeft: 10, fontWeight: 600 }}
                      >
                        {Q.crosstabLink}
                      </a>
                    ) : null}
                    {current && entry.table ? (
                      <a
                        href={hrefFor({ ...HOME, page: 'tabs', survey: entry.id })}
                        aria-current={view.page === 'tabs' ? 'page' : undefined}
                        style={{ marginLeft: 10, fontWeight: 600 }}
                      >
                        {tabBookMessages.pageLink}
                      </a>
                    ) : null}
                    {current ? (
                      <ul aria-label={Q.questionsIn(entry.title)} style={{ marginLeft: 10 }}>
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
                              <bdi>{q.text}</bdi>
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
    </>
  );
}
