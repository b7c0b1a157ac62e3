// Kish's effective base n_eff = (Σw)² / Σw²: how many unweighted respondents
// would give the same precision as this weighted column. Weighting makes some
// respondents count more than others, which costs precision; testing weighted
// percents with the unweighted n overstates significance, testing with Σw
// (a population total, maybe millions) is absurd. Every weighted test in a
// tab book and a crosstab uses n_eff of each column.
//
// Σw is a column's weighted base; Σw² is summed alongside it by the crosstab
// kernels (the crosstab's colSquares and totalSquares), so a tab book's
// categorical columns take both from one count, and a numeric question's
// moments sum both in their own pass (moments.ts).

/** (Σw)² / Σw²; 0 when nobody is in the column. */
export const kish = (sumW: number, sumW2: number): number =>
  sumW2 > 0 ? (sumW * sumW) / sumW2 : 0;
