import type { Metadata } from 'next';
import { connection } from 'next/server';
import { PlainText } from '@/components/layout/PlainText';
import { fillPlaceholders, placeholdersOf, settings } from '@/lib/settings';

export const metadata: Metadata = { title: 'Accessibility statement' };

// The wording is the admin's (/admin/settings), starting from the default in lib/config/settings.ts.
export default async function AccessibilityPage() {
  // The admin's wording, read at request time: never baked into the build.
  await connection();
  const s = await settings();
  return (
    <div className="max-w-3xl">
      <h1>Accessibility statement</h1>
      <PlainText text={fillPlaceholders(s.service.accessibilityStatement, placeholdersOf(s))} lead />
    </div>
  );
}
