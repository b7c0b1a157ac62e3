import type { LibraryEntry } from '../state/models/library';
import { safeHttpUrl } from '../core/format/links';

export function SurveyHeader({ entry }: { entry: LibraryEntry }) {
  const url = safeHttpUrl(entry.sourceUrl);
  return (
    <>
      <p className="meta">
        {[entry.publisher, entry.dateText].filter(Boolean).join(' · ')}
        {entry.population ? (
          <>
            <br />
            Who was asked: {entry.population}
          </>
        ) : null}
        {entry.source ? (
          <>
            <br />
            Source:{' '}
            {url ? (
              <a href={url} rel="noopener noreferrer">
                {entry.source}
              </a>
            ) : (
              entry.source
            )}
          </>
        ) : null}
      </p>
      {entry.notice ? <p className="banner notice">{entry.notice}</p> : null}
    </>
  );
}
