import type { ReactNode } from 'react';
import { EmailLink, PhoneLink } from '@/components/ui/ContactLink';
import { textBlocks } from '@/lib/settings/text';

// Addresses, e-mail addresses and (when asked) phone numbers in an admin's text become links; the
// text itself is only ever React text, never HTML.
const URL_PART = /https?:\/\/[^\s<>"]+[^\s<>".,;:)]/;
const EMAIL_PART = /[^\s@<>()]+@[^\s@<>()]+\.[A-Za-z]{2,}/;
const PHONE_PART = /\b\d{3}(?: ?\d{3,4}){0,2}\b/;

export function linkify(text: string, phones = false): ReactNode[] {
  const parts = [URL_PART.source, EMAIL_PART.source, ...(phones ? [PHONE_PART.source] : [])];
  const pattern = new RegExp(parts.map((p) => `(${p})`).join('|'), 'g');
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    const at = m.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    const [whole, url, email] = m;
    if (url)
      out.push(
        <a key={at} href={url}>
          {url.replace(/^https?:\/\//, '').replace(/\/$/, '')}
        </a>,
      );
    else if (email) out.push(<EmailLink key={at} address={email} />);
    else out.push(<PhoneLink key={at} number={whole} />);
    last = at + whole.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** An admin's plain text as headings, lists and paragraphs (lib/settings/text.ts). */
export function PlainText({ text, lead = false }: { text: string; lead?: boolean }) {
  return (
    <>
      {textBlocks(text).map((b, i) => {
        if (b.kind === 'heading')
          return b.level === 2 ? (
            <h2 key={i} className="heading-m">
              {linkify(b.text)}
            </h2>
          ) : (
            <h3 key={i} className="heading-s">
              {linkify(b.text)}
            </h3>
          );
        if (b.kind === 'list')
          return (
            <ul key={i} className="list-bullet">
              {b.items.map((item, j) => (
                <li key={j}>{linkify(item)}</li>
              ))}
            </ul>
          );
        return (
          <p key={i} className={lead && i === 0 ? 'body-l' : undefined}>
            {linkify(b.text)}
          </p>
        );
      })}
    </>
  );
}
