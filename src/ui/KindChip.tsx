import type { SeriesVM } from '../state/models/questionModel';

const KIND_NAMES = {
  single: 'Single answer',
  multi: 'Multiple answers',
  numeric: 'Numeric',
  text: 'Free text',
} as const;

export function KindChip({ series }: { series: SeriesVM }) {
  if (!series.hasData && series.kindInferred) {
    return (
      <span className="chip kind" data-kind="unknown">
        Kind unknown (no figures)
      </span>
    );
  }
  return (
    <span
      className="chip kind"
      data-kind={series.kind}
      title={
        series.kindInferred
          ? 'Inferred from the total, not declared by the source'
          : 'Declared in the file'
      }
    >
      {KIND_NAMES[series.kind]}
      {series.kindInferred ? ' (inferred from total)' : ''}
    </span>
  );
}
