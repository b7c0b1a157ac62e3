// A group of checkboxes, one per answer option; `ticked` holds option indexes.
interface Props {
  labels: readonly string[];
  ticked: ReadonlySet<number>;
  onChange: (next: Set<number>) => void;
  label?: string;
}

export function OptionChecklist({ labels, ticked, onChange, label }: Props) {
  const toggle = (i: number) => {
    const next = new Set(ticked);
    if (next.has(i)) next.delete(i);
    else next.add(i);
    onChange(next);
  };
  return (
    <div className="options" role="group" aria-label={label}>
      {labels.map((text, i) => (
        <label key={i}>
          <input type="checkbox" checked={ticked.has(i)} onChange={() => toggle(i)} />{' '}
          <bdi>{text}</bdi>
        </label>
      ))}
    </div>
  );
}
