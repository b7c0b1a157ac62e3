// "Copy as SQL": puts a DuckDB query on the clipboard (state/models/copySql.ts
// makes it). Where the browser refuses the clipboard, the query is shown in a
// read-only box, selected, for Ctrl+C. Where the view has no query, the
// button says why (aria-disabled, so the keyboard still reaches it and the
// reason is read with it). Reusable by any page: give it the query or the
// reason.
import { useEffect, useId, useRef, useState } from 'react';
import type { Result } from '../core/result';
import { copySqlMessages as M } from '../core/messages';

/** The query box: the page's width (390 px phones too), monospace. */
const BOX = {
  display: 'block',
  width: '100%',
  flex: '1 1 100%',
  boxSizing: 'border-box',
  marginTop: '0.5rem',
  fontFamily: 'ui-monospace, monospace',
  fontSize: '0.8rem',
} as const;
const DISABLED = { opacity: 0.5, cursor: 'not-allowed' } as const;

interface Props {
  /** The query, or (as the error's message) why there is none. */
  query: Result<string>;
}

export function CopySqlButton({ query }: Props) {
  const sql = query.ok ? query.value : null;
  // What was said, and whether the box is shown, about one query: a new view starts afresh.
  const [said, setSaid] = useState<{ sql: string | null; status: string; box: boolean }>({
    sql,
    status: '',
    box: false,
  });
  const { status, box: showBox } = said.sql === sql ? said : { status: '', box: false };
  const box = useRef<HTMLTextAreaElement | null>(null);
  const reasonId = useId();

  useEffect(() => {
    if (!showBox) return;
    box.current?.focus();
    box.current?.select();
  }, [showBox]);

  const copy = () => {
    if (sql === null) {
      setSaid({ sql, status: query.ok ? '' : query.error.message, box: false });
      return;
    }
    const fallback = () => setSaid({ sql, status: M.blocked, box: true });
    if (typeof navigator.clipboard?.writeText !== 'function') {
      fallback();
      return;
    }
    navigator.clipboard
      .writeText(sql)
      .then(() => setSaid({ sql, status: M.copied, box: false }), fallback);
  };

  return (
    <>
      <button
        type="button"
        className="btn"
        onClick={copy}
        aria-disabled={sql === null ? true : undefined}
        // Looks like .btn:disabled, but stays focusable so its reason is read with it.
        style={sql === null ? DISABLED : undefined}
        aria-describedby={sql === null ? reasonId : undefined}
        data-testid="copy-sql"
      >
        {M.button}
      </button>
      {query.ok ? null : (
        <span id={reasonId} className="muted" data-testid="copy-sql-reason">
          {query.error.message}
        </span>
      )}
      <span role="status" className="muted" data-testid="copy-sql-status">
        {status}
      </span>
      {showBox && sql !== null ? (
        <textarea
          ref={box}
          style={BOX}
          readOnly
          rows={12}
          aria-label={M.textareaLabel}
          value={sql}
          data-testid="copy-sql-text"
        />
      ) : null}
    </>
  );
}
