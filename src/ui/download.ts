// Save a file through a temporary object URL (no network involved).
import { stripBidiControls } from '../core/format/bidi';

export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  // A file name cannot be isolated: its bidi controls are dropped, so a label's
  // U+202E cannot make "gnp.exe" show as "exe.png" in the downloads list.
  a.download = stripBidiControls(name);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadText(name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  downloadBlob(name, new Blob([text], { type }));
}
