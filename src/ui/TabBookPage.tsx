// The tab book page of a respondent survey: the banner (saved with the survey,
// or changed here and kept in the link until saved), the rows, how letters are
// tested, nets on ordered scales; Build makes every table off the page (a
// worker, one table at a time, with progress and Cancel); then the document,
// its print layout and the .xlsx export.
import { useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { buildTabBookOffPage, type RunningBuild } from '../app/tabsClient';
import { tableKey } from '../app/tableTransfer';
import { saveBanner } from '../app/saveBanner';
import { bannerCandidates } from '../core/definition/banner';
import { formatBanner, parseBanner, type DefinedBanner } from '../core/definition/definition';
import { defaultRows } from '../core/tabs/rows';
import type { TabTable } from '../core/tabs/types';
import { tabBookMessages as M } from '../core/messages';
import type { LibraryEntry } from '../state/models/library';
import type { StoredSurvey } from '../state/models/stored';
import type { BookHead, TabBookRequest } from '../state/models/tabBookBuild';
import { DEFAULT_TABS, type TabBookView, type ViewState } from '../state/url/view';
import { BannerEditor } from './BannerEditor';
import { TabBookDocument } from './TabBookDocument';
import { TabBookExport } from './TabBookExport';
import { TabBookSettings } from './TabBookSettings';

interface Props {
  entry: LibraryEntry;
  view: ViewState;
  navigate: (next: ViewState) => void;
  /** A survey stored again (its banner saved): the library shows it as stored. */
  onSaved: (record: StoredSurvey) => void;
}

const EMPTY_BANNER: DefinedBanner = { columns: [] };

/** Two banners alike, as a definition would write them. */
const sameBanner = (a: DefinedBanner, b: DefinedBanner): boolean =>
  formatBanner(a) === formatBanner(b);

type Build =
  | { status: 'idle' }
  | {
      status: 'running' | 'done';
      /** The request the tables were built for (for its query, and to tell when the settings changed since). */
      request: TabBookRequest;
      head: BookHead | null;
      total: number;
      tables: TabTable[];
    }
  | { status: 'failed'; message: string }
  | { status: 'cancelled' };

export function TabBookPage({ entry, view, navigate, onSaved }: Props) {
  const table = entry.table!;
  const tv = view.tabs ?? DEFAULT_TABS;
  const setTabs = (next: Partial<TabBookView>) => navigate({ ...view, tabs: { ...tv, ...next } });

  // The banner: the link's when it carries one, else the one saved with the survey.
  const saved = entry.definition?.banner ?? EMPTY_BANNER;
  const fromLink = useMemo(
    () => (tv.banner === null ? null : parseBanner(tv.banner, 'link')),
    [tv.banner],
  );
  const banner = fromLink?.ok ? fromLink.value : saved;
  const unsaved = fromLink?.ok === true && !sameBanner(fromLink.value, saved);
  const setBanner = (next: DefinedBanner) =>
    setTabs({ banner: sameBanner(next, saved) ? null : formatBanner(next) });

  const candidates = useMemo(() => bannerCandidates(table), [table]);
  const rowChoices = useMemo(() => defaultRows(table, table.weightId), [table]);
  // Rows named in the link are the chosen ones; "Only these questions" with none ticked yet is this page's own.
  const [choosing, setChoosing] = useState(false);
  const rowMode = tv.rows.length > 0 || choosing ? 'chosen' : 'all';

  const request: TabBookRequest = {
    banner,
    rows: rowMode === 'all' ? null : tv.rows,
    tests: {
      level: 0.95,
      lowerLevel: tv.lower ? 0.9 : null,
      compare: tv.compare,
      correction: tv.correction,
    },
    nets: tv.nets,
  };
  const requestText = JSON.stringify(request);

  const [build, setBuild] = useState<Build>({ status: 'idle' });
  const running = useRef<RunningBuild | null>(null);
  // Tables wait here and are drawn one per frame, so that no frame lays out many at once.
  const queue = useRef<TabTable[]>([]);
  const finished = useRef(false);
  const frame = useRef<number | null>(null);
  const stopDrawing = () => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
    frame.current = null;
    queue.current = [];
    finished.current = false;
  };
  const draw = () => {
    frame.current = null;
    const next = queue.current.shift();
    if (next !== undefined)
      flushSync(() =>
        setBuild((b) => (b.status === 'running' ? { ...b, tables: [...b.tables, next] } : b)),
      );
    if (queue.current.length > 0) frame.current = requestAnimationFrame(draw);
    else if (finished.current)
      setBuild((b) => (b.status === 'running' ? { ...b, status: 'done' } : b));
  };
  const drawSoon = () => {
    frame.current ??= requestAnimationFrame(draw);
  };
  useEffect(
    () => () => {
      running.current?.cancel();
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );
  const start = () => {
    running.current?.cancel();
    stopDrawing();
    setBuild({ status: 'running', request, head: null, total: 0, tables: [] });
    running.current = buildTabBookOffPage(tableKey(entry.id, table), table, request, {
      head: (head, total) => setBuild((b) => (b.status === 'running' ? { ...b, head, total } : b)),
      table: (_index, t) => {
        queue.current.push(t);
        drawSoon();
      },
      done: () => {
        running.current = null;
        finished.current = true;
        drawSoon();
      },
      failed: (error) => {
        running.current = null;
        stopDrawing();
        setBuild({ status: 'failed', message: error.message });
      },
    });
  };
  const cancel = () => {
    running.current?.cancel();
    running.current = null;
    stopDrawing();
    setBuild({ status: 'cancelled' });
  };

  // Saving the banner with the survey (uploads only: a bundled survey cannot change).
  const [saveStatus, setSaveStatus] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const canSave = entry.origin === 'upload';
  const save = () => {
    setSaving(true);
    setSaveStatus(null);
    const toSave = banner.columns.length === 0 ? null : banner;
    void saveBanner(entry.id, toSave).then((r) => {
      setSaving(false);
      if (!r.ok) {
        setSaveStatus(r.error.message);
        return;
      }
      onSaved(r.value);
      setTabs({ banner: null });
      setSaveStatus(M.saved);
    });
  };

  const built = build.status === 'running' || build.status === 'done' ? build : null;
  const stale =
    built !== null && built.status === 'done' && JSON.stringify(built.request) !== requestText;
  const total = built?.total ?? 0;

  return (
    <article className="tabbook-page">
      <p className="meta">
        <bdi>{entry.title}</bdi> · {M.respondents(table.rowCount)}
      </p>
      <h2>{M.heading}</h2>
      {entry.notice ? (
        <p className="banner notice" data-testid="notice">
          <bdi>{entry.notice}</bdi>
        </p>
      ) : null}
      {fromLink !== null && !fromLink.ok ? (
        <p className="banner problem" role="alert">
          {M.bannerLinkBroken(fromLink.error.message)}
        </p>
      ) : null}
      <div className="tabbook-controls">
        <BannerEditor table={table} candidates={candidates} banner={banner} onChange={setBanner} />
        <div className="toolbar">
          <button
            type="button"
            className="btn"
            onClick={save}
            disabled={!canSave || !unsaved || saving}
          >
            {M.saveBanner}
          </button>
          {unsaved ? (
            <button type="button" className="btn" onClick={() => setTabs({ banner: null })}>
              {M.resetBanner}
            </button>
          ) : null}
          <span className="muted" role="status" data-testid="banner-status">
            {saveStatus ??
              (!canSave
                ? unsaved
                  ? M.bundledNoSave
                  : ''
                : unsaved
                  ? M.unsaved
                  : entry.definition?.banner !== undefined
                    ? M.savedMatches
                    : '')}
          </span>
        </div>

        <TabBookSettings
          tv={tv}
          setTabs={setTabs}
          rowChoices={rowChoices}
          rowMode={rowMode}
          setChoosing={setChoosing}
        />

        <div className="toolbar">
          <button
            type="button"
            className="btn primary"
            onClick={start}
            disabled={build.status === 'running' || (rowMode === 'chosen' && tv.rows.length === 0)}
          >
            {built !== null ? M.rebuild : M.build}
          </button>
          {build.status === 'running' ? (
            <button type="button" className="btn" onClick={cancel}>
              {M.cancel}
            </button>
          ) : null}
          {build.status === 'running' ? (
            <progress
              max={Math.max(1, total)}
              value={build.tables.length}
              aria-label={M.progressLabel}
            />
          ) : null}
          <span role="status" className="muted" data-testid="tabbook-status">
            {build.status === 'running'
              ? build.head === null
                ? M.preparing
                : M.building(Math.min(total, build.tables.length + 1), total)
              : build.status === 'done'
                ? M.built(build.tables.length)
                : build.status === 'cancelled'
                  ? M.cancelled
                  : ''}
          </span>
        </div>
        {build.status === 'failed' ? (
          <p className="banner problem" role="alert" data-testid="tabbook-error">
            {build.message}
          </p>
        ) : null}
        {stale ? (
          <p className="banner" role="status">
            {M.stale}
          </p>
        ) : null}
      </div>

      {built !== null && built.head !== null ? (
        <>
          {built.status === 'done' ? (
            <TabBookExport
              entry={entry}
              table={table}
              request={built.request}
              head={built.head}
              tables={built.tables}
            />
          ) : null}
          <TabBookDocument entry={entry} head={built.head} tables={built.tables} />
        </>
      ) : null}
    </article>
  );
}
