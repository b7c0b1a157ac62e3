// Crosstab and tab-book charts (src/charts, src/state/models/crosstabChartModel.ts).
import { isolate } from '../format/bidi';
import { levelText as chartPercentText, listWords } from './words';

export const crosstabChartMessages = {
  heading: 'Chart',
  /** The chart's title: what is crossed with what. */
  title: (rows: string, cols: string | null) =>
    cols === null ? `${isolate(rows)}: column %` : `${isolate(rows)} by ${isolate(cols)}: column %`,
  description: (groups: number, series: number) =>
    `Grouped horizontal bars: for each of ${groups} answer${groups === 1 ? '' : 's'}, ${series === 1 ? 'one bar' : `${series} bars, one per column (Total first)`}, as long as the column percent, with its significance letters. Bars are never stacked.`,
  /** A column in the legend and in tooltips: "Female (A)". */
  column: (label: string, letter: string | null) =>
    letter === null ? isolate(label) : `${isolate(label)} (${letter})`,
  /** A bar's tooltip: "Female (A): 34.0%, significantly higher than B and C". */
  bar: (column: string, text: string, letters: string) =>
    `${column}: ${text}${letters === '' ? '' : `, significantly higher than ${chartListLetters(letters)}`}`,
  noRespondents: 'no respondents',
  /** A column's base: "Female (A) 512" or "Female (A) 512 / 530.2 / 470.1". */
  basePart: (column: string, figures: string[], small: boolean) =>
    `${column} ${figures.join(' / ')}${small ? '*' : ''}`,
  base: (parts: string[], weighted: boolean, effective: boolean) =>
    `Base (respondents per column${weighted ? `, unweighted / weighted${effective ? ' / effective' : ''}` : ''}): ${parts.join('; ')}`,
  smallBase: '* Fewer than 30 respondents: read with care.',
  weighted: (weight: string) =>
    `Weighted by ${isolate(weight)}: the bars are weighted column percents.`,
  multiOver100: 'Respondents could give several answers; percents add to more than 100%.',
  multiNotOver100: 'Respondents could give several answers; percents need not add to 100%.',
  /** The letters legend; `rest`: each column against the rest of the sample. */
  letters: (level: number, lowerLevel: number | null, rest: boolean) =>
    `${
      rest
        ? `Letters: a column's own letter marks a value significantly higher than the rest of the sample at ${chartPercentText(level)}`
        : `Letters: significantly higher than the column with that letter at ${chartPercentText(level)}`
    }${lowerLevel === null ? '' : ` (lowercase: at ${chartPercentText(lowerLevel)})`}.`,
  /** Beside the chart: where its numbers are as a table (its text alternative). */
  tableSame: 'The table above has these numbers.',
  tableOther: (shown: string) =>
    `The chart shows column %; the table above shows ${shown}. Choose Column % to see the chart's numbers in the table.`,
  exportGroup: 'Export chart',
  exportSvg: 'Export chart (SVG)',
  exportPng: 'Export chart (PNG)',
} as const;

/** "A", "A and B", "A, B and C". */
const chartListLetters = (letters: string): string => listWords([...letters]);
