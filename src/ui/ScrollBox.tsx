// A table's own sideways-scrolling box: on a narrow screen a wide table
// scrolls inside it instead of widening the page. It is a named region that
// takes focus, so the keyboard can scroll it too.
import type { ReactNode } from 'react';

export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
