import type { Route } from 'next';
import NextLink from 'next/link';
import type { AnchorHTMLAttributes, Ref } from 'react';

export type { Route };

export type LinkProps<T extends string> = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & {
  /** A page of this app. With typed routes on, a path that matches no page fails the build. */
  href: Route<T>;
  ref?: Ref<HTMLAnchorElement>;
};

/**
 * The only way to link to a page of this app (docs/decisions/0009): a client-side navigation once
 * the page has hydrated, a plain link before that and without JavaScript. It never prefetches:
 * not when it scrolls into view, not on hover or touch.
 *
 * Not for downloads, route handlers (app/api, CSV, calendar files), other sites,
 * mailto: or tel:, or links within the page: those stay plain <a> elements.
 */
export function Link<T extends string>({ href, ...rest }: LinkProps<T>) {
  return <NextLink {...rest} href={href} prefetch={false} />;
}

/**
 * Checks a path against the app's pages where it is written, for a link that travels as data (a
 * prop, a list of links) before it reaches a Link. Next's `Route` type on its own only admits the
 * pages without parameters.
 */
export function route<T extends string>(href: Route<T>): Route {
  return href as Route;
}
