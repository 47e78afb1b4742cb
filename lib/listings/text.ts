// Listings hold plain text, stored as the group wrote it: text that looks like markup
// ("<under 16s with an adult>") is kept, and every page renders it as text (React escapes it), so
// nothing typed is ever run or silently deleted. Only the white space is tidied.

// Control characters other than tab and newline, and the Unicode direction overrides. The forms
// refuse these with a message (lib/forms/characters.ts); this catches the import and older rows.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;

/** The text as written, with Windows line breaks made plain, trailing spaces and extra blank lines gone. */
export function plainText(input: string): string {
  return input
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** One line of plain text: runs of white space made one space. */
export function plainLine(input: string): string {
  return plainText(input).replace(/\s+/g, ' ').trim();
}

/** "Polish, English; Urdu" or one per line -> ["Polish", "English", "Urdu"], without repeats. */
export function splitList(input: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of plainText(input).split(/[,;\n]+/)) {
    const item = raw.replace(/\s+/g, ' ').trim();
    const key = item.toLowerCase();
    if (item && !seen.has(key)) {
      seen.add(key);
      out.push(item);
    }
  }
  return out;
}

/** A web address people can follow: http(s) only; "www.example.org" gains "https://". */
export function normaliseUrl(input: string): string | null {
  const text = plainLine(input);
  if (!text) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!url.hostname.includes('.') || url.username || url.password) return null;
  return url.toString();
}

/** A UK phone number as typed, tidied: digits, spaces and a leading +; null when it cannot be one. */
export function normalisePhone(input: string): string | null {
  const text = plainLine(input);
  if (!text) return null;
  if (!/^\+?[\d\s()-]+$/.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  if (digits.length < 10 || digits.length > 13) return null;
  return text.replace(/[()-]/g, ' ').replace(/\s+/g, ' ').trim();
}
