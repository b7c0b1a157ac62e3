// Survey dates as people read them: "2013-06" -> "June 2013", "2013-08-12" ->
// "12 August 2013", through Intl with one fixed locale and UTC, so no time
// zone moves a date to the day before.
import { formatMessages as M } from '../messages';

const MONTH_YEAR = new Intl.DateTimeFormat('en-GB', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const DAY_MONTH_YEAR = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2013-06" -> "June 2013"; "2013-08-12" -> "12 August 2013"; anything else as written. */
export function formatSurveyDate(date: string | null): string {
  if (!date) return M.dateNotGiven;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return date;
  const [, year, month, day] = m;
  if (month === undefined) return year ?? date;
  const monthIndex = Number(month) - 1;
  if (monthIndex < 0 || monthIndex > 11) return year ?? date;
  if (day === undefined) return MONTH_YEAR.format(Date.UTC(Number(year), monthIndex, 1));
  const d = Number(day);
  const when = new Date(Date.UTC(Number(year), monthIndex, d));
  if (when.getUTCMonth() !== monthIndex) return date;
  return DAY_MONTH_YEAR.format(when);
}
