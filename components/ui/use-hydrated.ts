import { useSyncExternalStore } from 'react';

const never = () => () => {};

/**
 * False on the server and while the page hydrates, true afterwards: for controls that work only
 * with JavaScript and so replace a plain fallback (a link, nothing) once the browser runs them.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
