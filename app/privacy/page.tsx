import type { Metadata } from 'next';
import { connection } from 'next/server';
import { PlainText } from '@/components/layout/PlainText';
import { Link } from '@/components/ui/Link';
import { fillPlaceholders, placeholdersOf, settings } from '@/lib/settings';

export const metadata: Metadata = { title: 'Privacy notice' };

// The wording is the admin's (/admin/settings), starting from the default in lib/config/settings.ts.
export default async function PrivacyPage() {
  // The admin's wording, read at request time: never baked into the build.
  await connection();
  const s = await settings();
  return (
    <div className="max-w-3xl">
      <h1>Privacy notice</h1>
      <PlainText text={fillPlaceholders(s.service.privacyNotice, placeholdersOf(s))} lead />
      <p>
        <Link href="/accessibility">Accessibility statement</Link>
      </p>
    </div>
  );
}
