// UK postcodes: validation, normalisation and the district (outward code).
// Shapes follow the Royal Mail format rules: outward A9, A99, AA9, AA99, A9A, AA9A; inward 9AA,
// where the inward letters never include C, I, K, M, O or V.

// An example people can type and see work: it is in the demo borough's postcode table (the seed's
// test checks), and it is the borough's own district, like every example on the site.
export const EXAMPLE_POSTCODE = 'EB1 1AL';
export const EXAMPLE_DISTRICT = EXAMPLE_POSTCODE.split(' ')[0];

export const postcodeMessages = {
  notPostcode: "That doesn't look like a UK postcode",
  enterReal: `Enter a real postcode, like ${EXAMPLE_POSTCODE}`,
} as const;

const OUTWARD =
  '(?:[A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}|[A-PR-UWYZ][0-9][A-HJKPS-UW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRV-Y])';
const INWARD = '[0-9][ABD-HJLNP-UW-Z]{2}';
const FULL_RE = new RegExp(`^(${OUTWARD})(${INWARD})$`);
const DISTRICT_RE = new RegExp(`^${OUTWARD}$`);
// Anything shaped roughly like a postcode: letters then a digit, 2 to 7 characters.
const POSTCODE_LIKE_RE = /^[A-Z]{1,2}[0-9][A-Z0-9]{0,4}$/;

export type ParsedPostcode =
  | { ok: true; kind: 'postcode'; postcode: string; district: string; sector: string }
  | { ok: true; kind: 'district'; district: string }
  | { ok: false; error: string };

/** Upper case, no spaces or stray punctuation: "eb1  2ab" -> "EB12AB". */
export function compact(input: string): string {
  return input.toUpperCase().replace(/[\s\u00a0-]+/g, '');
}

/** "eb12ab" -> "EB1 2AB"; null when it is not a full postcode. */
export function normalisePostcode(input: string): string | null {
  const c = compact(input);
  if (c === 'GIR0AA') return 'GIR 0AA';
  const m = FULL_RE.exec(c);
  return m ? `${m[1]} ${m[2]}` : null;
}

export function isPostcode(input: string): boolean {
  return normalisePostcode(input) !== null;
}

/** The outward code ("EB1" of "EB1 2AB"); null when the input is neither a postcode nor a district. */
export function districtOf(input: string): string | null {
  const c = compact(input);
  const full = normalisePostcode(c);
  if (full) return full.split(' ')[0];
  return DISTRICT_RE.test(c) ? c : null;
}

/**
 * A full postcode or a district ("RG12"), with an error a person can act on otherwise.
 * Letters O and I typed for 0 and 1 in the number positions are forgiven.
 */
export function parsePostcode(input: string): ParsedPostcode {
  const c = compact(input);
  if (c === '') return { ok: false, error: postcodeMessages.enterReal };
  const full = normalisePostcode(c) ?? normalisePostcode(fixDigits(c));
  if (full) {
    const [district, inward] = full.split(' ');
    return { ok: true, kind: 'postcode', postcode: full, district, sector: `${district} ${inward[0]}` };
  }
  if (DISTRICT_RE.test(c)) return { ok: true, kind: 'district', district: c };
  if (/[^A-Z0-9]/.test(c) || c.length > 7 || c.length < 2 || !/[0-9]/.test(c)) {
    return { ok: false, error: postcodeMessages.notPostcode };
  }
  if (POSTCODE_LIKE_RE.test(c)) return { ok: false, error: postcodeMessages.enterReal };
  return { ok: false, error: postcodeMessages.notPostcode };
}

// Inward code starts with a digit: "EB1 OAB" almost certainly meant "EB1 0AB".
function fixDigits(c: string): string {
  if (c.length < 5) return c;
  const i = c.length - 3;
  const ch = c[i];
  const digit = ch === 'O' ? '0' : ch === 'I' || ch === 'L' ? '1' : ch;
  return c.slice(0, i) + digit + c.slice(i + 1);
}
