// What the UI shows for a published question: one view model per question,
// made from the core's analysis so components only render, never compute.
import type { PublishedOption, QuestionKind } from '../../core/published/types';

export interface FlagVM {
  code: string;
  severity: 'info' | 'warning' | 'error';
  message: string;
}

export interface OptionVM {
  /** Position in source order: nets and links refer to options by it. */
  index: number;
  label: string;
  value: number | null;
  /** As printed: "38.07%", "30+%"; "not published" for placeholders. */
  text: string;
  lowerBound: boolean;
  rank: number | null;
  omitted: boolean;
  /** The option as read from the file, for computations such as nets. */
  published: PublishedOption;
}

export interface SeriesVM {
  segment: string | null;
  base: string | null;
  subgroup: boolean;
  kind: QuestionKind;
  kindInferred: boolean;
  total: number | null;
  totalText: string;
  answersPerRespondent: number | null;
  /** The multi-answer note shown with chart and table, or null. */
  multiNote: string | null;
  hasData: boolean;
  flags: FlagVM[];
  options: OptionVM[];
}

export interface QuestionVM {
  surveyId: string;
  id: string;
  text: string;
  note: string | null;
  series: SeriesVM[];
}
