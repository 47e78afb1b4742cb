'use server';

import { revalidatePath } from 'next/cache';
import { forbidden, notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { triageCaseTeam } from '@/lib/triage/case';
import { assignReferral, raiseSafeguardingConcern, rateReferral, signpostReferral, type DecisionRefusal } from '@/lib/triage/decisions';
import {
  CONFLICT_MESSAGE,
  assignInput,
  rateInput,
  safeguardingInput,
  signpostInput,
  type TriageFormState,
} from '@/lib/triage/schema';

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function values(form: FormData): TriageFormState['values'] {
  const out: TriageFormState['values'] = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith('$')) continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === 'string').map((v) => v.slice(0, 2000));
    out[key] = key === 'serviceIds' ? all.slice(0, 50) : (all[0] ?? '');
  }
  return out;
}

function fieldErrors(error: z.ZodError): TriageFormState['errors'] {
  const flat = z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;
  const out: TriageFormState['errors'] = {};
  for (const [key, messages] of Object.entries(flat)) if (messages?.[0]) out[key] = messages[0];
  return out;
}

/** The signed-in user, if they may triage this case; otherwise a 404 or 403 page. */
async function authorise(caseId: unknown) {
  const user = await requireUser();
  if (typeof caseId !== 'string' || !guid.test(caseId)) notFound();
  const facts = await triageCaseTeam(db(), caseId);
  if (!facts) notFound();
  if (!can(user, 'triage.manage', { kind: 'case', teamId: facts.teamId })) forbidden();
  return user;
}

function refused(result: DecisionRefusal, caseId: string, v: TriageFormState['values']): TriageFormState {
  switch (result.reason) {
    case 'not_found':
      return notFound();
    case 'forbidden':
      return forbidden();
    case 'invalid':
      return { errors: { [result.field]: result.message }, values: v };
    case 'not_waiting':
      revalidatePath(`/triage/${caseId}`);
      return { errors: {}, values: v, formError: 'This referral has already been assigned or closed, so nothing was changed.' };
    case 'conflict':
      revalidatePath(`/triage/${caseId}`);
      return { errors: {}, values: v, formError: CONFLICT_MESSAGE };
  }
}

export async function rateAction(_prev: TriageFormState, form: FormData): Promise<TriageFormState> {
  const v = values(form);
  const user = await authorise(v.caseId);
  const parsed = rateInput.safeParse(v);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values: v };
  const result = await db().$transaction((tx) => rateReferral(tx, user, parsed.data));
  if (!result.ok) return refused(result, parsed.data.caseId, v);
  revalidatePath('/triage');
  redirect(`/triage/${result.caseId}?done=rated`);
}

export async function assignAction(_prev: TriageFormState, form: FormData): Promise<TriageFormState> {
  const v = values(form);
  const user = await authorise(v.caseId);
  const parsed = assignInput.safeParse(v);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values: v };
  const result = await db().$transaction((tx) => assignReferral(tx, user, parsed.data));
  if (!result.ok) return refused(result, parsed.data.caseId, v);
  revalidatePath('/triage');
  redirect(`/triage?assigned=${result.caseId}`);
}

export async function signpostAction(_prev: TriageFormState, form: FormData): Promise<TriageFormState> {
  const v = values(form);
  const user = await authorise(v.caseId);
  const parsed = signpostInput.safeParse({ ...v, serviceIds: form.getAll('serviceIds') });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values: v };
  const result = await db().$transaction((tx) => signpostReferral(tx, user, parsed.data));
  if (!result.ok) return refused(result, parsed.data.caseId, v);
  revalidatePath('/triage');
  redirect(`/triage?signposted=${result.caseId}`);
}

export async function safeguardingAction(_prev: TriageFormState, form: FormData): Promise<TriageFormState> {
  const v = values(form);
  const user = await authorise(v.caseId);
  const parsed = safeguardingInput.safeParse(v);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values: v };
  const result = await db().$transaction((tx) => raiseSafeguardingConcern(tx, user, parsed.data));
  if (!result.ok) {
    if (result.reason === 'not_found') notFound();
    if (result.reason === 'forbidden') forbidden();
    return { errors: { [result.field]: result.message }, values: v };
  }
  redirect(`/triage/${result.caseId}?done=safeguarding`);
}
