import { questionPageMessages as Q } from '../core/messages';
import type { SeriesVM } from '../state/models/questionModel';

export function KindChip({ series }: { series: SeriesVM }) {
  if (!series.hasData && series.kindInferred) {
    return (
      <span className="chip kind" data-kind="unknown">
        {Q.kindUnknown}
      </span>
    );
  }
  return (
    <span
      className="chip kind"
      data-kind={series.kind}
      title={series.kindInferred ? Q.kindInferredTitle : Q.kindDeclaredTitle}
    >
      {Q.kindNames[series.kind]}
      {series.kindInferred ? Q.kindInferred : ''}
    </span>
  );
}
