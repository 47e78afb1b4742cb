// How many text messages (segments) a body costs. Phones send the GSM 03.38 alphabet at 160
// characters in one message, or 153 a part when split (the rest carries the join); a character
// outside it (an emoji, a Welsh ŵ) sends the whole text as UCS-2 at 70, or 67 a part. Characters
// of the GSM extension table (€ [ ] { } ^ ~ | \) take two places.
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '\f^{}\\[~]|€';
const basic = new Set(GSM_BASIC);
const extended = new Set(GSM_EXTENDED);

export type SmsLength = {
  encoding: 'gsm' | 'ucs2';
  /** Characters as the network counts them (an extension character counts twice in GSM). */
  characters: number;
  segments: number;
};

export function smsLength(text: string): SmsLength {
  const chars = [...text];
  if (chars.every((c) => basic.has(c) || extended.has(c))) {
    const characters = chars.reduce((n, c) => n + (extended.has(c) ? 2 : 1), 0);
    return { encoding: 'gsm', characters, segments: characters === 0 ? 0 : characters <= 160 ? 1 : Math.ceil(characters / 153) };
  }
  // UCS-2 counts UTF-16 code units: an emoji takes two.
  const characters = text.length;
  return { encoding: 'ucs2', characters, segments: characters <= 70 ? 1 : Math.ceil(characters / 67) };
}

const plain: [RegExp, string][] = [
  [/[‘’‚‛′]/g, "'"],
  [/[“”„‟″]/g, '"'],
  [/[‐‑‒–—―]/g, '-'],
  [/…/g, '...'],
  [/[\u00a0\u2007\u202f]/g, ' '],
];

/** The text with typographic punctuation made plain, as GOV.UK Notify does before sending. */
export function smsText(text: string): string {
  return plain.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text);
}
