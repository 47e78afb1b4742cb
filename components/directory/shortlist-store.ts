'use client';

import { useSyncExternalStore } from 'react';
import { parseShortlistIds, SHORTLIST_EVENT, SHORTLIST_STORAGE_KEY } from '@/lib/directory/shortlist';

// The browser's copy of the shortlist, shared by every button on the page.

const EMPTY: string[] = [];
let cachedRaw: string | null = null;
let cachedIds: string[] = EMPTY;

export function readShortlist(): string[] {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(SHORTLIST_STORAGE_KEY);
  } catch {
    // Storage can be blocked (private browsing, strict settings): the URL still works.
    raw = null;
  }
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    let parsed: unknown = [];
    try {
      parsed = raw ? JSON.parse(raw) : [];
    } catch {
      parsed = [];
    }
    cachedIds = Array.isArray(parsed) ? parseShortlistIds(parsed.filter((x): x is string => typeof x === 'string')) : EMPTY;
  }
  return cachedIds;
}

export function writeShortlist(ids: string[]): void {
  try {
    window.localStorage.setItem(SHORTLIST_STORAGE_KEY, JSON.stringify(ids));
  } catch {
    // See readShortlist.
  }
  window.dispatchEvent(new Event(SHORTLIST_EVENT));
}

function subscribe(callback: () => void): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.key === null || e.key === SHORTLIST_STORAGE_KEY) callback();
  };
  window.addEventListener(SHORTLIST_EVENT, callback);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener(SHORTLIST_EVENT, callback);
    window.removeEventListener('storage', onStorage);
  };
}

/** The stored shortlist; empty on the server and before hydration. */
export function useShortlist(): string[] {
  return useSyncExternalStore(subscribe, readShortlist, () => EMPTY);
}
