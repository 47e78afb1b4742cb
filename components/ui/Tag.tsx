import type { ReactNode } from 'react';
import { cx } from './cx';

export type TagColour = 'blue' | 'grey' | 'green' | 'turquoise' | 'light-blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow';

export type StatusTag = { text: string; colour: TagColour };

/** Each status's tag: the domain's words for it, in the colour the interface gives it. */
export function statusTags<K extends string>(labels: Record<K, string>, colours: Record<K, TagColour>): Record<K, StatusTag> {
  return Object.fromEntries(
    Object.entries<string>(labels).map(([key, text]) => [key, { text, colour: colours[key as K] }]),
  ) as Record<K, StatusTag>;
}

/** A status label. Colours never carry meaning alone: the text says the status. */
export function Tag({ colour = 'blue', children, className }: { colour?: TagColour; children: ReactNode; className?: string }) {
  return <strong className={cx('tag', `tag--${colour}`, className)}>{children}</strong>;
}
