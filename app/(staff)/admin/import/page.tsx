import type { Metadata } from 'next';
import { ImportForm } from '@/components/listings/ImportForm';
import { PageHeading } from '@/components/layout/PageHeading';
import { BackLink, Details, Table } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { COLUMNS } from '@/lib/import';
import { needOptions } from '@/lib/listings/editor';

export const metadata: Metadata = { title: 'Import and export listings' };

export default async function ImportPage() {
  await requireRole('admin');
  const needs = await needOptions(db());
  return (
    <>
      <BackLink href="/admin">Back to admin</BackLink>
      <PageHeading lead="Add or update many listings at once from a spreadsheet, or download the whole directory.">
        Import and export listings
      </PageHeading>

      <h2 className="heading-m">Export</h2>
      <p>
        <a href="/api/admin/export" download>
          Download every listing as CSV
        </a>{' '}
        (the same columns as the import, so you can edit it and import it again).
      </p>

      <h2 className="heading-m">Import</h2>
      <ol className="list-number">
        <li>
          Start from the{' '}
          <a href="/api/admin/import/template" download>
            CSV template
          </a>
          : one row per listing, with its group and its place.
        </li>
        <li>Check the file. Every problem is listed with its line number, and nothing is saved until the whole file is right.</li>
        <li>
          Import it. It all goes in together, or not at all. Rows are matched on their ids, so importing a file again updates
          listings rather than adding them twice.
        </li>
      </ol>
      <p>Imported listings are published straight away and count as checked on the date in last_checked (or today).</p>
      <div className="max-w-[40em]">
        <ImportForm />
      </div>

      <Details summary="The columns">
        <Table
          caption="Columns of the import file"
          captionHidden
          head={['Column', 'Needed', 'What to put', 'Example']}
          rows={COLUMNS.map((c) => [<code key="c">{c.name}</code>, c.required ? 'Yes' : 'No', c.help, c.example])}
        />
      </Details>
      <Details summary="Needs theme codes">
        <Table
          caption="Needs themes and their codes"
          captionHidden
          head={['Code', 'Theme']}
          rows={needs.map((n) => [<code key="c">{n.code}</code>, n.name])}
        />
      </Details>
    </>
  );
}
