// The admin's long texts (privacy notice, accessibility statement) are plain text, never HTML:
// paragraphs split by a blank line, "## " and "### " for headings, "- " lines for a list. Pages
// render the blocks as React elements, so nothing typed can inject markup.

export type TextBlock =
  { kind: 'heading'; level: 2 | 3; text: string } | { kind: 'list'; items: string[] } | { kind: 'paragraph'; text: string };

export type Placeholders = { service: string; borough: string; operator: string; email: string; phone: string };

/** {service}, {borough}, {operator}, {email} and {phone} filled in; anything else in braces is left. */
export function fillPlaceholders(text: string, values: Placeholders): string {
  return text.replace(/\{(service|borough|operator|email|phone)\}/g, (_, name: keyof Placeholders) => values[name]);
}

export function textBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines.length === 0) continue;
    const heading = /^(#{2,3})\s+(.*)$/.exec(lines[0]);
    if (heading && lines.length === 1) {
      blocks.push({ kind: 'heading', level: heading[1].length === 2 ? 2 : 3, text: heading[2] });
    } else if (lines.every((l) => /^[-*]\s+/.test(l))) {
      blocks.push({ kind: 'list', items: lines.map((l) => l.replace(/^[-*]\s+/, '')) });
    } else {
      blocks.push({ kind: 'paragraph', text: lines.join(' ') });
    }
  }
  return blocks;
}
