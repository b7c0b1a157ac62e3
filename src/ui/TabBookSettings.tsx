// The tab book's settings beside the banner: which questions make the rows, how
// columns are tested for significance letters, and nets on ordered scales. All
// of it lives in the view's link (TabBookView).
import { tabBookMessages as M } from '../core/messages';
import type { RowQuestion } from '../core/tabs/rows';
import type { TabBookView } from '../state/url/view';

interface Props {
  tv: TabBookView;
  setTabs: (next: Partial<TabBookView>) => void;
  /** The questions that can be rows, in order. */
  rowChoices: readonly RowQuestion[];
  /** Every question, or only the ticked ones. */
  rowMode: 'all' | 'chosen';
  /** "Only these questions" chosen on this page, before any is ticked. */
  setChoosing: (choosing: boolean) => void;
}

export function TabBookSettings({ tv, setTabs, rowChoices, rowMode, setChoosing }: Props) {
  return (
    <>
      <fieldset className="filter-box">
        <legend>{M.rowsHeading}</legend>
        <label>
          <input
            type="radio"
            name="tabbook-rows"
            checked={rowMode === 'all'}
            onChange={() => {
              setChoosing(false);
              setTabs({ rows: [] });
            }}
          />{' '}
          {M.rowsAll}
        </label>{' '}
        <label>
          <input
            type="radio"
            name="tabbook-rows"
            checked={rowMode === 'chosen'}
            onChange={() => setChoosing(true)}
          />{' '}
          {M.rowsChosen}
        </label>
        {rowMode === 'chosen' ? (
          <div className="options" role="group" aria-label={M.rowsPicker}>
            {rowChoices.map((c) => (
              <label key={c.id}>
                <input
                  type="checkbox"
                  checked={tv.rows.includes(c.id)}
                  onChange={(e) => {
                    setChoosing(true);
                    setTabs({
                      rows: rowChoices
                        .map((r) => r.id)
                        .filter((id) => (id === c.id ? e.target.checked : tv.rows.includes(id))),
                    });
                  }}
                />{' '}
                <bdi>{c.text}</bdi>
              </label>
            ))}
          </div>
        ) : null}
        {rowMode === 'chosen' && tv.rows.length === 0 ? (
          <p className="muted">{M.rowsNone}</p>
        ) : null}
      </fieldset>

      <fieldset className="filter-box">
        <legend>{M.testsHeading}</legend>
        <p className="muted">{M.upperLevel}</p>
        <div className="form-grid">
          <label className="check">
            <input
              type="checkbox"
              checked={tv.lower}
              onChange={(e) => setTabs({ lower: e.target.checked })}
            />
            {M.lowerLevel}
          </label>
          <label>
            {M.compareLabel}
            <select
              value={tv.compare}
              onChange={(e) => setTabs({ compare: e.target.value as TabBookView['compare'] })}
            >
              <option value="group">{M.compareGroup}</option>
              <option value="rest">{M.compareRest}</option>
            </select>
          </label>
          <label>
            {M.correctionLabel}
            <select
              value={tv.correction}
              onChange={(e) => setTabs({ correction: e.target.value as TabBookView['correction'] })}
            >
              <option value="none">{M.correctionNone}</option>
              <option value="bonferroni">{M.correctionBonferroni}</option>
              <option value="bh">{M.correctionBh}</option>
            </select>
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={tv.nets}
              onChange={(e) => setTabs({ nets: e.target.checked })}
            />
            {M.netsLabel}
          </label>
        </div>
      </fieldset>
    </>
  );
}
