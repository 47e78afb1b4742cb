'use client';

import { useEffect, useRef, useState } from 'react';
import { Link } from '@/components/ui/Link';
import { shortlistHref } from '@/lib/directory/shortlist';
import { useHydrated } from '@/components/ui/use-hydrated';
import { useShortlist } from './shortlist-store';

/** "Your shortlist (3)", linking to the shortlist held in this browser; announces changes. */
export function ShortlistLink({ className }: { className?: string }) {
  const ids = useShortlist();
  const ready = useHydrated();
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef<number | null>(null);
  useEffect(() => {
    if (!ready) return;
    if (previous.current !== null && previous.current !== ids.length) {
      setAnnouncement(`${ids.length} ${ids.length === 1 ? 'service' : 'services'} in your shortlist`);
    }
    previous.current = ids.length;
  }, [ids.length, ready]);
  return (
    <>
      <Link href={ready ? shortlistHref(ids) : '/shortlist'} className={className}>
        Your shortlist{ready ? ` (${ids.length})` : ''}
      </Link>
      <span role="status" className="visually-hidden">
        {announcement}
      </span>
    </>
  );
}
