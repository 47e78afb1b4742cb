'use client';

import { Link } from '@/components/ui/Link';
import { toggleId } from '@/lib/directory/shortlist';
import { useHydrated } from '@/components/ui/use-hydrated';
import { useShortlist, writeShortlist } from './shortlist-store';

/**
 * Adds a service to, or removes it from, the shortlist kept in this browser. Without JavaScript it
 * is a link that opens a shortlist holding this service.
 */
export function ShortlistButton({ id, name, className }: { id: string; name: string; className?: string }) {
  const ids = useShortlist();
  const ready = useHydrated();
  const added = ids.includes(id);

  if (!ready) {
    return (
      <Link href={`/shortlist?add=${id}`} className={className ?? 'shortlist-toggle'}>
        Add to shortlist<span className="visually-hidden">: {name}</span>
      </Link>
    );
  }
  return (
    <button
      type="button"
      className={`${className ?? 'shortlist-toggle'} cursor-pointer`}
      aria-pressed={added}
      onClick={() => writeShortlist(toggleId(ids, id))}
    >
      {added ? 'Remove from shortlist' : 'Add to shortlist'}
      <span className="visually-hidden">: {name}</span>
    </button>
  );
}
