'use server';

import type { Route } from 'next';
import { revalidatePath } from 'next/cache';
import { forbidden, redirect } from 'next/navigation';
import { requirePermission } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { formState, parseForm, type FormState } from '@/lib/forms';
import { formAction } from '@/lib/forms/action';
import {
  MAX_LOGO_BYTES,
  removeLogo,
  saveLogo,
  type LogoRefusal,
  displayValue,
  fieldsOf,
  invalidate,
  loadedSettings,
  saveSection,
  SECTIONS,
  sectionSchema,
  type SectionName,
} from '@/lib/settings';

const isSection = (s: string): s is SectionName => Object.hasOwn(SECTIONS, s);

export const saveSettingsAction = formAction(async function saveSettingsAction(
  section: string,
  prev: FormState,
  form: FormData,
): Promise<FormState> {
  const user = await requirePermission('settings.manage');
  if (!isSection(section)) forbidden();
  const fields = fieldsOf(section);
  const multiline = fields.filter((f) => f.kind === 'textarea').map((f) => f.name);
  const parsed = parseForm(sectionSchema(section), form, { multiline });
  const version = Number(form.get('version'));
  if (!parsed.ok) return { ...parsed.state, version: prev.version };
  if (!Number.isInteger(version)) forbidden();

  const result = await db().$transaction((tx) => saveSection(tx, user, section, parsed.data, version));
  if (!result.ok) {
    // Someone saved first: say what they changed; the version now lets a second save replace theirs.
    invalidate();
    const now = (await loadedSettings()).values[section] as Record<string, string | number>;
    const typed = parsed.data as Record<string, string | number>;
    const conflict = fields
      .filter((f) => now[f.name] !== typed[f.name])
      .map((f) => ({ label: f.label, now: f.long ? 'changed (see the box below for yours)' : displayValue(now[f.name]) }));
    return formState(parsed.values, { conflict, version: result.version });
  }
  // In this process at once; other instances within the cache's few seconds (lib/settings/cache.ts).
  invalidate();
  await loadedSettings();
  revalidatePath('/', 'layout');
  redirect(`/admin/settings?done=${result.changed.length ? section : 'unchanged'}` as Route);
});

const logoMessages: Record<LogoRefusal | 'missing', string> = {
  missing: 'Select a logo file',
  empty: 'The selected file is empty',
  too_big: `The logo must be smaller than ${MAX_LOGO_BYTES / 1024} KB`,
  wrong_type: 'The logo must be a PNG, JPEG or SVG image',
  unsafe_svg: 'The SVG has scripts or links to run in it. Save it again as a plain image, or use a PNG',
};

export const uploadLogoAction = formAction(async function uploadLogoAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission('settings.manage');
  const file = form.get('logo');
  const refuse = (reason: keyof typeof logoMessages) => formState({}, { fieldErrors: { logo: [logoMessages[reason]] } });
  // A form sent with no file chosen still carries an empty one.
  if (!(file instanceof File) || file.size === 0) return refuse('missing');
  // Refused before it is read: the size the browser sent is checked again on the bytes.
  if (file.size > MAX_LOGO_BYTES) return refuse('too_big');
  const bytes = Buffer.from(await file.arrayBuffer());
  const result = await db().$transaction((tx) => saveLogo(tx, user, bytes));
  if (!result.ok) return refuse(result.reason);
  invalidate();
  await loadedSettings();
  revalidatePath('/', 'layout');
  redirect('/admin/settings?done=logo' as Route);
});

export async function removeLogoAction(): Promise<void> {
  const user = await requirePermission('settings.manage');
  await db().$transaction((tx) => removeLogo(tx, user));
  invalidate();
  await loadedSettings();
  revalidatePath('/', 'layout');
  redirect('/admin/settings?done=logo_removed' as Route);
}
