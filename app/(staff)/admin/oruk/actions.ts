'use server';

import type { Route } from 'next';
import { revalidatePath } from 'next/cache';
import { forbidden, redirect } from 'next/navigation';
import { z } from 'zod';
import { Forbidden } from '@/lib/auth/permissions';
import { requireRole } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { isUuid, parseForm, refused, type FormState } from '@/lib/forms';
import { formAction } from '@/lib/forms/action';
import { addFeed, adoptListing, feedSchema, setMapping } from '@/lib/oruk/import';
import { runFeedNow, runUpload } from '@/lib/oruk/import/sync';

const MAX_UPLOAD = 20 * 1024 * 1024;

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Forbidden) forbidden();
    throw error;
  }
}

const runPage = (runId: string) => `/admin/oruk?run=${runId}#run` as Route;

export const addFeedAction = formAction(async function addFeedAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole('admin');
  const parsed = parseForm(feedSchema, form);
  if (!parsed.ok) return parsed.state;
  const result = await guarded(() => db().$transaction((tx) => addFeed(tx, user, parsed.data)));
  if (!result.ok) return refused(parsed.values, { field: result.field, message: result.message });
  revalidatePath('/admin/oruk');
  redirect('/admin/oruk?added=1#feeds');
});

/** "Dry run" or "Import now" for a feed with an address. */
export async function runFeedAction(feedId: string, form: FormData): Promise<void> {
  const user = await requireRole('admin');
  if (!isUuid(feedId)) redirect('/admin/oruk');
  const apply = form.get('mode') === 'apply';
  const run = await runFeedNow(db(), user, feedId, apply);
  if (!run) redirect('/admin/oruk');
  revalidatePath('/admin/oruk');
  redirect(runPage(run.runId));
}

const uploadSchema = z.object({
  name: z.string().trim().min(1, { error: 'Enter the name of the directory the file comes from' }).max(100, {
    error: 'Name must be 100 characters or fewer',
  }),
});

export const uploadFeedAction = formAction(async function uploadFeedAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole('admin');
  const parsed = parseForm(uploadSchema, form, { omit: ['file'] });
  if (!parsed.ok) return parsed.state;
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0)
    return refused(parsed.values, { field: 'file', message: 'Choose a zip of CSV files or a JSON file' });
  if (file.size > MAX_UPLOAD) return refused(parsed.values, { field: 'file', message: 'The file must be smaller than 20 MB' });
  const apply = form.get('mode') === 'apply';
  const run = await runUpload(db(), user, parsed.data.name, file.name, new Uint8Array(await file.arrayBuffer()), apply);
  revalidatePath('/admin/oruk');
  redirect(runPage(run.runId));
});

export async function mapTermAction(mappingId: string, form: FormData): Promise<void> {
  const user = await requireRole('admin');
  if (!isUuid(mappingId)) redirect('/admin/oruk');
  const code = String(form.get('need') ?? '').trim();
  await guarded(() => db().$transaction((tx) => setMapping(tx, user, mappingId, code || null)));
  revalidatePath('/admin/oruk');
  redirect(`/admin/oruk?mapped=${mappingId}#terms` as Route);
}

export async function adoptListingAction(serviceId: string): Promise<void> {
  const user = await requireRole('admin');
  if (!isUuid(serviceId)) redirect('/admin/oruk');
  await guarded(() => db().$transaction((tx) => adoptListing(tx, user, serviceId)));
  revalidatePath('/admin/oruk');
  revalidatePath(`/provider/listings/${serviceId}`);
  redirect(`/provider/listings/${serviceId}?adopted=1` as Route);
}
