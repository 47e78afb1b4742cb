'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { clientIp } from '@/lib/auth/request';
import { db } from '@/lib/db/client';
import { problemReportInput, submitProblemReport } from '@/lib/directory/report';
import { isServiceId } from '@/lib/directory/shortlist';
import { formValues, parseForm, refused, type FormState } from '@/lib/forms';
import { formAction } from '@/lib/forms/action';

export const reportProblem = formAction(async function reportProblem(
  serviceId: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  if (!isServiceId(serviceId)) return refused(formValues(form, { omit: ['website'] }), 'We could not find that listing');
  const parsed = parseForm(problemReportInput, form, { omit: ['website'], multiline: ['details'] });
  if (!parsed.ok) return parsed.state;
  const ip = clientIp(await headers());
  const result = await submitProblemReport(db(), serviceId, parsed.data, `ip:${ip}`);
  if (!result.ok) {
    if (result.reason === 'not_found') return refused(parsed.values, 'We could not find that listing. It may have been removed');
    return refused(
      parsed.values,
      'You have sent several reports in a short time. Wait an hour, then try again, or email us instead',
    );
  }
  redirect(`/services/${serviceId}/report/sent`);
});
