'use server';

import { z } from 'zod';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { clientIp } from '@/lib/auth/request';
import { db } from '@/lib/db/client';
import { problemReportInput, submitProblemReport, type ReportFormState } from '@/lib/directory/report';
import { isServiceId } from '@/lib/directory/shortlist';

function text(form: FormData, name: string): string | undefined {
  const v = form.get(name);
  return typeof v === 'string' ? v : undefined;
}

export async function reportProblem(serviceId: string, _prev: ReportFormState, form: FormData): Promise<ReportFormState> {
  const values = { kind: text(form, 'kind'), details: text(form, 'details'), email: text(form, 'email') };
  if (!isServiceId(serviceId)) return { errors: { form: 'We could not find that listing' }, values };
  const parsed = problemReportInput.safeParse({ ...values, website: text(form, 'website') });
  if (!parsed.success) {
    const fields = z.flattenError(parsed.error).fieldErrors;
    return {
      errors: { kind: fields.kind?.[0], details: fields.details?.[0], email: fields.email?.[0] },
      values,
    };
  }
  const ip = clientIp(await headers());
  const result = await submitProblemReport(db(), serviceId, parsed.data, `ip:${ip}`);
  if (!result.ok) {
    if (result.reason === 'not_found') return { errors: { form: 'We could not find that listing. It may have been removed' }, values };
    return {
      errors: { form: 'You have sent several reports in a short time. Wait an hour, then try again, or email us instead' },
      values,
    };
  }
  redirect(`/services/${serviceId}/report/sent`);
}
