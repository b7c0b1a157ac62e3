import type { LibraryEntry } from '../state/models/library';
import { hrefFor } from './useHashView';
import { HOME } from '../state/url/view';
import { FlagList } from './Flags';
import { SurveyHeader } from './SurveyHeader';
import { KindChip } from './KindChip';
import { questionPageMessages as Q, tabBookMessages } from '../core/messages';

export function SurveyPage({ entry }: { entry: LibraryEntry }) {
  return (
    <>
      <h2>
        <bdi>{entry.title}</bdi>
      </h2>
      <SurveyHeader entry={entry} />
      {entry.table ? (
        <p>
          <a className="btn" href={hrefFor({ ...HOME, page: 'crosstab', survey: entry.id })}>
            {Q.crossTabulate}
          </a>{' '}
          <a className="btn" href={hrefFor({ ...HOME, page: 'tabs', survey: entry.id })}>
            {tabBookMessages.surveyLink}
          </a>
        </p>
      ) : null}
      <ol className="question-list" data-testid="question-list">
        {entry.questions.map((q) => (
          <li key={q.id} data-question={q.id}>
            <h3>
              <a href={hrefFor({ ...HOME, page: 'question', survey: entry.id, question: q.id })}>
                <bdi>{q.text}</bdi>
              </a>
            </h3>
            {q.series.map((s) => (
              <div key={s.segment ?? ''} data-segment={s.segment ?? ''}>
                <div className="chips">
                  {s.segment ? (
                    <strong>
                      <bdi>{s.segment}</bdi>
                    </strong>
                  ) : null}
                  <KindChip series={s} />
                  <span className="chip" data-testid="total">
                    {s.hasData ? Q.total(s.totalText) : s.totalText}
                  </span>
                </div>
                <FlagList flags={s.flags} />
              </div>
            ))}
          </li>
        ))}
      </ol>
    </>
  );
}
