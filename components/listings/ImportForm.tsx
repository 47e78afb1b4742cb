'use client';

import { useRef, useState, type FormEvent } from 'react';
import { Button, ErrorSummary, NotificationBanner, Table } from '@/components/ui';
import type { ImportOutcome } from '@/lib/import';

type Result = ImportOutcome | { message: string };

/**
 * Sends the chosen file as the request body to the import route (a route handler, not a server
 * action, so large files stream). First a check; the import itself only when every row is right.
 */
export function ImportForm() {
  const fileRef = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  async function send(mode: 'check' | 'import') {
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setFileError('Choose a CSV file');
      setResult(null);
      return;
    }
    setFileError(null);
    setBusy(mode);
    try {
      const res = await fetch(`/api/admin/import?mode=${mode}`, {
        method: 'POST',
        body: file,
        headers: { 'content-type': 'text/csv' },
      });
      setResult((await res.json()) as Result);
    } catch {
      setResult({ message: 'The upload did not finish. Check your connection and try again' });
    } finally {
      setBusy(null);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void send('check');
  }

  const errors = result && 'ok' in result && !result.ok ? result : null;
  return (
    <form onSubmit={onSubmit} noValidate>
      {fileError ? <ErrorSummary state={{ fieldErrors: { file: [fileError] } }} /> : null}
      {result && 'message' in result ? <ErrorSummary state={{ fieldErrors: { file: [result.message] } }} /> : null}
      <div className={fileError ? 'form-group form-group--error' : 'form-group'}>
        <label className="label" htmlFor="file">
          CSV file
        </label>
        <div className="hint" id="file-hint">
          Saved as CSV (UTF-8) from a spreadsheet, with the template’s first line.
        </div>
        {fileError ? (
          <p className="error-message" id="file-error">
            <span className="visually-hidden">Error:</span> {fileError}
          </p>
        ) : null}
        <input
          className="file-upload"
          id="file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          ref={fileRef}
          aria-describedby={fileError ? 'file-hint file-error' : 'file-hint'}
          onChange={() => setResult(null)}
        />
      </div>
      <div className="button-group">
        <Button aria-disabled={busy !== null || undefined}>{busy === 'check' ? 'Checking…' : 'Check the file'}</Button>
      </div>

      <div aria-live="polite">
        {errors ? (
          <>
            <h2 className="heading-m">Nothing has been imported</h2>
            <p>
              {errors.totalErrors === 1
                ? 'There is 1 problem'
                : `There are ${errors.totalErrors.toLocaleString('en-GB')} problems`}{' '}
              to fix in the file
              {errors.totalErrors > errors.errors.length ? ` (the first ${errors.errors.length} are shown)` : ''}. Fix them, then
              check the file again.
            </p>
            <Table
              caption="Problems, by line"
              captionHidden
              head={['Line', 'Column', 'Problem']}
              rows={errors.errors.map((e) => [String(e.line), e.column ?? '', e.message])}
            />
          </>
        ) : null}
        {result && 'ok' in result && result.ok && result.mode === 'check' ? (
          <>
            <NotificationBanner type="success" heading={`All ${result.rows.toLocaleString('en-GB')} rows are ready to import`}>
              <p>
                {result.plan.newListings.toLocaleString('en-GB')} new listings;{' '}
                {result.plan.existingListings.toLocaleString('en-GB')} already listed will be updated where they differ. Nothing
                has been saved yet.
              </p>
            </NotificationBanner>
            <Button type="button" onClick={() => void send('import')} aria-disabled={busy !== null || undefined}>
              {busy === 'import' ? 'Importing…' : `Import ${result.rows.toLocaleString('en-GB')} rows`}
            </Button>
          </>
        ) : null}
        {result && 'ok' in result && result.ok && result.mode === 'import' ? (
          <NotificationBanner type="success" heading="Import complete">
            <p>
              Listings: {result.summary.services.created} new, {result.summary.services.updated} updated,{' '}
              {result.summary.services.unchanged} unchanged. Groups: {result.summary.organisations.created} new,{' '}
              {result.summary.organisations.updated} updated. Places: {result.summary.locations.created} new,{' '}
              {result.summary.locations.updated} updated.
            </p>
          </NotificationBanner>
        ) : null}
      </div>
    </form>
  );
}
