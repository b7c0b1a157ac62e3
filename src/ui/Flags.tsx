import { questionPageMessages as Q } from '../core/messages';
import type { FlagVM } from '../state/models/questionModel';

export function FlagList({ flags }: { flags: FlagVM[] }) {
  if (flags.length === 0) return null;
  return (
    <ul
      className="flag-list"
      aria-label={Q.flagsLabel}
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {flags.map((f) => (
        <li key={f.code} className={`flag ${f.severity}`} data-flag={f.code}>
          <span className="visually-hidden">{f.severity}: </span>
          {f.message}
          <span className="code">{f.code}</span>
        </li>
      ))}
    </ul>
  );
}
