'use client';

import type { Route } from 'next';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect } from 'react';
import { parseShortlistIds, shortlistHref } from '@/lib/directory/shortlist';
import { readShortlist, writeShortlist } from './shortlist-store';

/**
 * Keeps the shortlist in the URL and in this browser's storage the same: a link with ids is
 * stored; a bare /shortlist shows what is stored; ?add= joins the stored list.
 */
export function ShortlistSync() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  useEffect(() => {
    const stored = readShortlist();
    if (params.has('clear')) {
      writeShortlist([]);
      router.replace(pathname as Route);
      return;
    }
    const add = parseShortlistIds(params.getAll('add'));
    const inUrl = parseShortlistIds(params.getAll('ids'));
    if (add.length) {
      const merged = parseShortlistIds([...stored, ...inUrl, ...add]);
      writeShortlist(merged);
      router.replace(shortlistHref(merged));
      return;
    }
    if (params.has('ids')) {
      if (inUrl.join(',') !== stored.join(',')) writeShortlist(inUrl);
      return;
    }
    if (stored.length) router.replace(shortlistHref(stored));
  }, [params, router, pathname]);
  return null;
}
