// "Copy link": the address of this exact view. The link is also shown in a
// read-only field, so it can be copied by hand where the clipboard is blocked.
import { useState } from 'react';
import { appMessages } from '../core/messages';

export function ShareBar({ link }: { link: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = () => {
    navigator.clipboard.writeText(link).then(
      () => setCopied('yes'),
      () => setCopied('no'),
    );
  };
  return (
    <div className="toolbar share-bar">
      <button type="button" className="btn" onClick={copy}>
        {appMessages.copyLink}
      </button>
      <label className="visually-hidden" htmlFor="share-link">
        {appMessages.linkField}
      </label>
      <input
        id="share-link"
        data-testid="share-link"
        readOnly
        value={link}
        onFocus={(e) => e.currentTarget.select()}
        style={{ flex: 1, minWidth: 200 }}
      />
      <span role="status" className="muted">
        {copied === 'yes'
          ? appMessages.linkCopied
          : copied === 'no'
            ? appMessages.clipboardBlocked
            : ''}
      </span>
    </div>
  );
}
