'use client';

import { useState } from 'react';
import { useHydrated } from '@/components/ui/use-hydrated';

/** Print and share buttons; the link itself is shown for anyone without JavaScript. */
export function ShortlistTools({ shareUrl }: { shareUrl: string }) {
  const ready = useHydrated();
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(shareUrl);
      setCopied(true);
    } catch {
      const input = document.getElementById('share-link') as HTMLInputElement | null;
      input?.select();
    }
  }

  return (
    <div className="no-print">
      <div className="form-group">
        <label className="label label--s" htmlFor="share-link">
          Link to this shortlist
        </label>
        <div className="hint" id="share-link-hint">
          Anyone with the link can see the list. It does not include any personal details.
        </div>
        <input
          className="input"
          id="share-link"
          type="text"
          readOnly
          value={shareUrl}
          aria-describedby="share-link-hint"
          onFocus={(e) => e.currentTarget.select()}
        />
      </div>
      {ready ? (
        <div className="button-group">
          <button type="button" className="button button--primary" onClick={() => window.print()}>
            Print this list
          </button>
          <button type="button" className="button button--secondary" onClick={copy}>
            Copy link
          </button>
          <a href={`mailto:?subject=${encodeURIComponent('Local help and activities')}&body=${encodeURIComponent(shareUrl)}`}>
            Email the link
          </a>
        </div>
      ) : (
        <p>Use your browser’s print option to print this list.</p>
      )}
      <p role="status" className="visually-hidden">
        {copied ? 'Link copied' : ''}
      </p>
    </div>
  );
}
