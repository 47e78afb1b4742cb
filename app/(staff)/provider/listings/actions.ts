'use server';

import { revalidatePath } from 'next/cache';
import { forbidden, redirect } from 'next/navigation';
import { Forbidden } from '@/lib/auth/permissions';
import { requireRole } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { confirmListing } from '@/lib/freshness';
import { geocoderFor } from '@/lib/geo/geocoder';
import { normalisePostcode, postcodeMessages } from '@/lib/geo/postcode';
import { blankSchedule, capacityUntouched, listingValuesFromForm, MAX_SCHEDULES, parseListing } from '@/lib/listings/schema';
import { describeValue } from '@/lib/listings/describe';
import { KEPT_MISSING, saveListing, setCapacity } from '@/lib/listings/save';
import { replaceKeptSchedule, withKeptSchedules } from '@/lib/listings/editor';
import { feedOwnedMessage } from '@/lib/listings/ownership';
import { FIELD_LABELS } from '@/lib/listings/snapshot';
import { formState, isUuid, refused, type FormState } from '@/lib/forms';
import type { ListingValues } from '@/lib/listings/schema';
import { formAction } from '@/lib/forms/action';

async function editor() {
  return requireRole('provider', 'coordinator', 'admin');
}

function rethrow(error: unknown): never {
  if (error instanceof Forbidden) forbidden();
  throw error;
}

/**
 * The editor's one action. Besides saving, its buttons add or remove a time, look up a postcode or
 * refresh the times' preview: each comes back with everything as the person left it, so nothing
 * typed is lost, with or without JavaScript.
 */
export const saveListingAction = formAction(async function saveListingAction(
  serviceId: string | null,
  prev: FormState<ListingValues>,
  form: FormData,
): Promise<FormState<ListingValues>> {
  const user = await editor();
  if (serviceId !== null && !isUuid(serviceId)) redirect('/provider/listings');
  // Times the form cannot show are posted as "keep" and shown again from the listing as stored.
  const values = await withKeptSchedules(db(), user, serviceId, listingValuesFromForm(form));
  const version = Number(form.get('version')) || null;
  const intent = String(form.get('intent') ?? 'save');
  const keep = (
    extra: Omit<FormState<ListingValues>, 'values' | 'fieldErrors'> & {
      fieldErrors?: FormState<ListingValues>['fieldErrors'];
    } = {},
  ): FormState<ListingValues> => formState(values, { version, ...extra });

  if (intent === 'add-schedule') {
    if (values.schedules.length >= MAX_SCHEDULES)
      return keep({ fieldErrors: { schedules: [`Add up to ${MAX_SCHEDULES} times`] } });
    values.schedules.push(blankSchedule());
    return keep({ focus: `schedules-${values.schedules.length - 1}-kind`, notice: 'Another time added. Fill it in below.' });
  }
  if (intent.startsWith('replace-schedule:')) {
    const i = Number(intent.split(':')[1]);
    const slot = Number.isInteger(i) ? values.schedules[i] : undefined;
    if (!slot || slot.kind !== 'keep') return keep();
    const replaced = await replaceKeptSchedule(db(), user, serviceId, slot);
    if (!replaced) return keep({ fieldErrors: { [`schedules-${i}-kind`]: [KEPT_MISSING] } });
    values.schedules[i] = replaced;
    return keep({
      focus: `schedules-${i}-kind`,
      notice: `Time ${i + 1} is now in the form, filled in as near as it can get. Check it before you save: the form cannot show all of “${replaced.replaces}”.`,
    });
  }
  if (intent.startsWith('keep-schedule:')) {
    const i = Number(intent.split(':')[1]);
    const slot = Number.isInteger(i) ? values.schedules[i] : undefined;
    if (!slot?.keep || slot.kind === 'keep') return keep();
    values.schedules[i] = { ...slot, kind: 'keep' };
    const back = await withKeptSchedules(db(), user, serviceId, values);
    return { ...keep({ focus: `schedules-${i}-kind`, notice: `Time ${i + 1} is kept as it was.` }), values: back };
  }
  if (intent.startsWith('remove-schedule:')) {
    const i = Number(intent.split(':')[1]);
    if (Number.isInteger(i) && i >= 0 && i < values.schedules.length) values.schedules.splice(i, 1);
    return keep({ notice: 'Time removed. Save the listing to keep the change.' });
  }
  if (intent === 'find-postcode') {
    const postcode = normalisePostcode(values.location.postcode);
    if (!postcode) return keep({ fieldErrors: { 'location-postcode': [postcodeMessages.enterReal] } });
    const hit = await geocoderFor(db()).postcode(postcode);
    if (!hit)
      return keep({
        fieldErrors: { 'location-postcode': ['We could not find that postcode. Check it, or enter the map position yourself'] },
      });
    values.location.postcode = postcode;
    values.location.latitude = hit.latitude.toFixed(5);
    values.location.longitude = hit.longitude.toFixed(5);
    return keep({ notice: `Found ${postcode}. The map position is filled in; adjust it if the entrance is elsewhere.` });
  }
  if (intent === 'preview') return keep({ notice: 'The times below show what people will see.' });

  // "Save as draft": only what is filled in is checked, and nothing is published or sent.
  const draft = intent === 'draft';
  const parsed = parseListing(values, { draft });
  if (!parsed.ok) return keep({ fieldErrors: parsed.fieldErrors });

  let result;
  try {
    result = await db().$transaction((tx) =>
      saveListing(tx, user, { ...parsed.data, serviceId }, serviceId ? version : null, new Date(), {
        keepStoredCapacity: capacityUntouched(values),
        draft,
      }),
    );
  } catch (error) {
    rethrow(error);
  }
  if (!result.ok) {
    if (result.reason === 'invalid') return keep({ fieldErrors: result.errors });
    if (result.reason === 'not_found')
      return refused(values, 'We could not find that listing. It may have been removed', { version });
    if (result.reason === 'feed_owned') return refused(values, feedOwnedMessage(result.feed), { version });
    // Someone else saved first: show what they changed, keep this person's values, and let them save again on purpose.
    return formState(values, {
      version: result.currentVersion,
      conflict: result.differs.map((f) => ({ label: FIELD_LABELS[f], now: describeValue(f, result.current[f]) })),
    });
  }
  revalidatePath('/provider/listings');
  revalidatePath(`/provider/listings/${result.serviceId}`);
  revalidatePath(`/services/${result.serviceId}`);
  const outcome = result.drafted
    ? 'drafted'
    : result.wentLive
      ? 'live'
      : result.awaitingApproval
        ? result.created
          ? 'created'
          : 'draft'
        : result.pending.length
          ? 'pending'
          : result.published.length
            ? 'published'
            : 'checked';
  redirect(`/provider/listings/${result.serviceId}?saved=${outcome}`);
});

/** The one-tap capacity buttons (a plain form per button, so they work without JavaScript). */
export async function setCapacityAction(serviceId: string, form: FormData): Promise<void> {
  const user = await editor();
  if (!isUuid(serviceId)) redirect('/provider/listings');
  const status = String(form.get('capacityStatus'));
  if (status !== 'open' && status !== 'waiting_list' && status !== 'full') redirect('/provider/listings');
  const rawSpaces = String(form.get('capacitySpaces') ?? '').trim();
  const spaces = /^\d{1,4}$/.test(rawSpaces) ? Number(rawSpaces) : null;
  let result;
  try {
    result = await db().$transaction((tx) => setCapacity(tx, user, serviceId, status, spaces));
  } catch (error) {
    rethrow(error);
  }
  const back = String(form.get('returnTo') ?? '');
  const target = back === 'editor' ? (`/provider/listings/${serviceId}` as const) : '/provider/listings';
  // The editor page says whose listing it is and why it cannot change here.
  if (!result.ok && result.reason === 'feed_owned') redirect(`/provider/listings/${serviceId}?refused=feed`);
  revalidatePath('/provider/listings');
  revalidatePath(`/services/${serviceId}`);
  redirect(`${target}?capacity=${status}&listing=${serviceId}`);
}

/** "Yes, this is all still right", from the editor. */
export async function confirmListingAction(serviceId: string): Promise<void> {
  const user = await editor();
  if (!isUuid(serviceId)) redirect('/provider/listings');
  try {
    await db().$transaction((tx) => confirmListing(tx, user, serviceId));
  } catch (error) {
    rethrow(error);
  }
  revalidatePath(`/provider/listings/${serviceId}`);
  redirect(`/provider/listings/${serviceId}?saved=checked`);
}
