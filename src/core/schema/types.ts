// The schema of a respondent-level file: which source columns make which
// question, and how each is read. Inferred from a sample of the first rows,
// shown in the import preview, adjusted by the user with SchemaOverrides,
// then used to stream every row into the columnar table.

export type QuestionKindInferred = 'single' | 'multi' | 'numeric' | 'text' | 'weight' | 'id';

/** Separators recognised inside one cell of a multi-answer question. */
export type MultiSeparator = ';' | '|' | ',';

/**
 * How a multi-answer question is stored in the file.
 * - `delimited`: one column, chosen options joined by `separator` in one cell.
 * - `columns`: one column per option. `style` says what a chosen cell holds:
 *   `label` = the option label itself (or anything other than blank / "Not selected"),
 *   `binary` = 1/0, Yes/No, Oui/Non, true/false.
 */
export type MultiSpec =
  | { encoding: 'delimited'; separator: MultiSeparator }
  | {
      encoding: 'columns';
      style: 'label' | 'binary';
      options: string[];
      /**
       * `binary` only: the cell values that mean "chosen", as a definition records
       * them (e.g. ["Oui"]); any other non-missing value means "not chosen".
       * Absent: the built-in yes/no tokens decide (1/0, Y/N, Yes/No, Oui/Non, TRUE/FALSE, 是/否).
       */
      chosen?: string[];
    };

export interface SchemaQuestion {
  /** Stable id: the source column name, or the stem of a grouped multi-answer question. */
  id: string;
  text: string;
  kind: QuestionKindInferred;
  /** 0-based indexes of the source columns this question reads, in option order for `columns`. */
  sourceColumns: number[];
  multi: MultiSpec | null;
  /** For a grid item (a column of a battery like `Q7_1…Q7_11` that is not multi-answer): the battery's stem. */
  grid: string | null;
  /** Why this kind was chosen, in words (shown in the import preview). */
  reason: string;
  /**
   * For a one-column question whose column also belongs to a multi-answer
   * question over several columns: that question's id. Grouping never hides a
   * column (as SPSS keeps its variables beside its multiple-response sets).
   */
  memberOf?: string;
  /** Answer order decided for a single-answer question: these labels first, in this order. */
  answers?: string[];
  /** Values read as missing in this question only, besides the survey's missing tokens. */
  missing?: string[];
}

export interface Schema {
  /** Column names as used for ids (after merging a two-line header and disambiguating duplicates). */
  columnNames: string[];
  /** Number of header lines: 2 when the second line holds option labels. */
  headerLines: 1 | 2;
  questions: SchemaQuestion[];
  missingTokens: string[];
  /** The weight column decided by the user or the survey's definition; null: unweighted. */
  weightId: string | null;
  /**
   * A column that looks like a survey weight (named like one, positive, not
   * whole numbers, not a counter). Detection only proposes it: figures stay
   * unweighted until the user or a definition chooses it as `weightId`.
   */
  proposedWeightId: string | null;
  idColumnId: string | null;
  /** Numbers written with a decimal comma ("3,5"). */
  decimalComma: boolean;
  warnings: string[];
}

/** Changes the user makes to an inferred schema in the import preview. Applied in order. */
export type SchemaOverride =
  | { type: 'rename'; id: string; text: string }
  /** Read a question as another kind; `separator` is needed for kind 'multi' on a single column. */
  | {
      type: 'kind';
      id: string;
      kind: 'single' | 'numeric' | 'text' | 'multi';
      separator?: MultiSeparator;
    }
  /** Make one multi-answer question of several questions (one column each), e.g. a Oui/Non battery. */
  | { type: 'group'; id: string; text?: string; columns: string[] }
  /** Split a grouped multi-answer question back into one single question per column. */
  | { type: 'ungroup'; id: string }
  /** Put a single-answer question's answers in this order (listed first; any others after). */
  | { type: 'answers'; id: string; answers: string[] }
  | { type: 'missing'; tokens: string[] }
  | { type: 'weight'; id: string | null }
  | { type: 'id'; id: string | null };

export const DEFAULT_MISSING_TOKENS: readonly string[] = ['', 'NA', 'N/A', 'n/a', '#N/A'];
