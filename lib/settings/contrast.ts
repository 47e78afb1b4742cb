// WCAG 2.2 contrast (success criterion 1.4.3): the relative luminance of two sRGB colours, and the
// ratio between them, from 1:1 (the same) to 21:1 (black on white). Normal text needs 4.5:1.

export const AA_NORMAL_TEXT = 4.5;

const HEX = /^#([0-9a-f]{6})$/i;

/** `#1d70b8` as [29, 112, 184]; null when it is not a 6-digit hex colour. */
export function parseHexColour(value: string): [number, number, number] | null {
  const m = HEX.exec(value.trim());
  if (!m) return null;
  const n = Number.parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance([r, g, b]: readonly [number, number, number]): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The contrast ratio of two hex colours, e.g. 5.17 for #1d70b8 and #ffffff; null if either is not one. */
export function contrastRatio(a: string, b: string): number | null {
  const x = parseHexColour(a);
  const y = parseHexColour(b);
  if (!x || !y) return null;
  const [hi, lo] = [relativeLuminance(x), relativeLuminance(y)].sort((p, q) => q - p);
  return (hi + 0.05) / (lo + 0.05);
}

/** The backgrounds links sit on: white pages and the light grey panels (app/globals.css). */
export const LINK_BACKGROUNDS = ['#ffffff', '#f3f2f1'] as const;

/**
 * Whether the brand colour meets WCAG AA both ways it is used: white text on it, and as link text
 * on the white and light grey backgrounds (the grey is the stricter).
 */
export function meetsAaWithWhite(colour: string): boolean {
  return LINK_BACKGROUNDS.every((background) => {
    const ratio = contrastRatio(colour, background);
    return ratio !== null && ratio >= AA_NORMAL_TEXT;
  });
}
