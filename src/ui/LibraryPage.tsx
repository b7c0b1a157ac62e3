import type { Library } from '../state/library';
import { hrefFor } from './useHashView';
import { HOME } from '../state/view';

export function LibraryPage({ library }: { library: Library }) {
  return (
    <>
      <h2>Library</h2>
      <p className="meta">
        Published survey figures as the research firms printed them, with every total explained.
        Pick a survey to see its questions, or open{' '}
        <a href={hrefFor({ ...HOME, page: 'flags' })}>Flags</a> for the questions that need a
        careful reader.
      </p>
      {library.loadErrors.map((e) => (
        <p key={e.file} className="banner problem" role="alert">
          {e.message}
        </p>
      ))}
      <table className="data" data-testid="library-table">
        <caption>{library.entries.length} surveys</caption>
        <thead>
          <tr>
            <th scope="col">Survey</th>
            <th scope="col">Publisher</th>
            <th scope="col">Date</th>
            <th scope="col" className="num">
              Questions
            </th>
            <th scope="col" className="num">
              Flags
            </th>
          </tr>
        </thead>
        <tbody>
          {library.entries.map((e) => (
            <tr key={e.id}>
              <td>
                <a href={hrefFor({ ...HOME, page: 'survey', survey: e.id })}>{e.title}</a>
                {e.notice ? <div className="muted">{e.notice}</div> : null}
              </td>
              <td>{e.publisher ?? '—'}</td>
              <td>{e.dateText}</td>
              <td className="num">{e.questions.length}</td>
              <td className="num">{e.flagCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
