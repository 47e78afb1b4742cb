import type { ReactNode } from 'react';
import { cx } from './cx';

export type TagColour = 'blue' | 'grey' | 'green' | 'turquoise' | 'light-blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow';

/** A status label. Colours never carry meaning alone: the text says the status. */
export function Tag({ colour = 'blue', children, className }: { colour?: TagColour; children: ReactNode; className?: string }) {
  return <strong className={cx('tag', `tag--${colour}`, className)}>{children}</strong>;
}
