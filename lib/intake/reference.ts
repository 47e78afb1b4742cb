// Case references people can read out on the phone: a prefix and eight characters in two groups,
// like "EB-4K7P-9QX3". The alphabet leaves out letters that look or sound like others
// (0/O, 1/I/L, 5/S, 2/Z, U/V, B/8), so a reference copied by hand still matches. Every case gets
// one (the demo seed too); references given out in another shape before stay findable, because a
// search compares references by their letters and digits only (lib/references, docs/decisions/0021).
import { randomInt } from 'node:crypto';
import { env } from '@/lib/config';
import { referenceKey } from '@/lib/references';

export const REFERENCE_ALPHABET = '34679ACDEFGHJKMNPQRTWXY';
const GROUP = 4;

/** The borough's prefix: REFERENCE_PREFIX, or "EB" for the demo borough. Letters only, 1 to 4. */
export function referencePrefix(): string {
  return env().REFERENCE_PREFIX;
}

/** A new reference; `random(max)` gives a whole number from 0 to max - 1 (the seed passes its own). */
export function generateReference(prefix: string = referencePrefix(), random: (max: number) => number = randomInt): string {
  const group = () => Array.from({ length: GROUP }, () => REFERENCE_ALPHABET[random(REFERENCE_ALPHABET.length)]).join('');
  return `${prefix}-${group()}-${group()}`;
}

const SHAPE = new RegExp(`^[A-Z]{1,4}-[${REFERENCE_ALPHABET}]{${GROUP}}-[${REFERENCE_ALPHABET}]{${GROUP}}$`);
const TYPED = new RegExp(`^([A-Z]{1,4}?)([${REFERENCE_ALPHABET}]{${GROUP}})([${REFERENCE_ALPHABET}]{${GROUP}})$`);

/** Whether a string is shaped like a reference this module makes (after tidying case and spaces). */
export function isIntakeReference(value: string): boolean {
  return SHAPE.test(tidyReference(value));
}

/**
 * "eb 4k7p 9qx3" -> "EB-4K7P-9QX3" when it has the shape this module makes; anything else (an
 * older reference, a name) comes back upper-cased and trimmed, never rearranged.
 */
export function tidyReference(value: string): string {
  const m = TYPED.exec(referenceKey(value));
  return m ? `${m[1]}-${m[2]}-${m[3]}` : value.trim().toUpperCase();
}
