'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useEffect, useRef } from 'react';

/** Makes `element` where the next Tab starts from, without leaving it focused. */
function startFocusAt(element: HTMLElement) {
  const focusable = element.hasAttribute('tabindex');
  if (!focusable) element.setAttribute('tabindex', '-1');
  element.focus({ preventScroll: true });
  element.blur();
  if (!focusable) element.removeAttribute('tabindex');
}

/** Whether a click on this element follows a link to another page of this app. */
function isPageLink(target: EventTarget | null): boolean {
  const link = target instanceof Element ? target.closest('a[href]') : null;
  if (!(link instanceof HTMLAnchorElement) || link.hasAttribute('download') || (link.target && link.target !== '_self'))
    return false;
  return link.origin === location.origin && `${link.pathname}${link.search}` !== `${location.pathname}${location.search}`;
}

/**
 * After a link's client-side navigation, keyboard focus starts again from the top of the new
 * page, as after a full page load: the next Tab reaches the skip link (or, for a link to a
 * section such as #timeline, that section). Next's route announcer reads the new page's title
 * to screen readers. Addresses changed by scripts (the directory's filters, the shortlist)
 * leave focus where it is.
 */
export function NavigationFocus() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const followedLink = useRef(false);
  const firstRender = useRef(true);

  useEffect(() => {
    // Enter on a focused link fires a click too.
    const onClick = (event: MouseEvent) => {
      followedLink.current = isPageLink(event.target);
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, []);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (!followedLink.current) return;
    followedLink.current = false;
    const id = decodeURIComponent(location.hash.slice(1));
    startFocusAt((id && document.getElementById(id)) || document.body);
  }, [pathname, search]);

  return null;
}
