import type { LibraryEntry } from '../state/models/library';
import { safeHttpUrl } from '../core/format/links';
import { questionPageMessages as Q } from '../core/messages';

export function SurveyHeader({ entry }: { entry: LibraryEntry }) {
  const url = safeHttpUrl(entry.sourceUrl);
  return (
    <>
      <p className="meta">
        {entry.publisher ? (
          <>
            <bdi>{entry.publisher}</bdi>
            {' · '}
          </>
        ) : null}
        {entry.subtitle}
        {entry.population ? (
          <>
            <br />
            {Q.whoWasAsked} <bdi>{entry.population}</bdi>
          </>
        ) : null}
        {entry.source ? (
          <>
            <br />
            {Q.source}{' '}
            {url ? (
              <a href={url} rel="noopener noreferrer">
                <bdi>{entry.source}</bdi>
              </a>
            ) : (
              <bdi>{entry.source}</bdi>
            )}
          </>
        ) : null}
      </p>
      {entry.notice ? (
        <p className="banner notice">
          <bdi>{entry.notice}</bdi>
        </p>
      ) : null}
    </>
  );
}
