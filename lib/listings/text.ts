// Listings hold plain text only. Whatever a group pastes in (from a web page, a word processor, or
// on purpose) is reduced to text before it is stored; pages render it as text, never as HTML.

const BLOCKS = /<(script|style|iframe|object|embed|template|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const TAG = /<\/?[a-z!?][^<>]*>/gi;
const COMMENT = /<!--[\s\S]*?-->/g;
// Control characters other than tab and newline, and the Unicode direction overrides.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;

/** Removes markup and control characters; keeps line breaks (at most one blank line in a row). */
export function plainText(input: string): string {
  return (
    input
      .replace(/\r\n?/g, '\n')
      .replace(COMMENT, '')
      .replace(BLOCKS, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/p\s*>/gi, '\n\n')
      .replace(TAG, '')
      // A stray "<" left over from a broken tag cannot open one later, but keep it readable.
      .replace(/<(?=[a-z!/?])/gi, '‹')
      .replace(CONTROL, '')
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

/** One line of plain text: markup removed and runs of white space made one space. */
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
