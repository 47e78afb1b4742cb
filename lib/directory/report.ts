import { z } from 'zod';
import type { Tx } from '@/lib/db/client';
import { hit } from '@/lib/auth/rate-limit';
import { optionalEmail, text } from '@/lib/forms';
import { PROBLEM_KINDS, type ProblemKind } from './vocab';

export { PROBLEM_KINDS, type ProblemKind };

// "Report a problem with this listing": anyone can send one; it goes to the moderation queue as a
// ListingChangeRequest of kind problem_report.

export const problemReportInput = z.object({
  kind: z.enum(Object.keys(PROBLEM_KINDS) as [ProblemKind, ...ProblemKind[]], { error: 'Select what is wrong with the listing' }),
  details: text('What is wrong', 1200, 'Tell us what is wrong'),
  email: optionalEmail(),
  // Hidden from people; bots fill it in.
  website: z.string().optional(),
});
export type ProblemReportInput = z.infer<typeof problemReportInput>;

export const REPORT_LIMIT = { perHour: 5, windowSeconds: 3600 } as const;

export type ReportResult =
  { ok: true; id: string | null } | { ok: false; reason: 'not_found' | 'rate_limited'; retryAfterSeconds?: number };

/**
 * Records a problem report. A filled-in honeypot is accepted silently and not stored, so a bot
 * learns nothing; the rate limit is per client address, counted in the database.
 */
export async function submitProblemReport(
  tx: Tx,
  serviceId: string,
  input: ProblemReportInput,
  clientKey: string,
): Promise<ReportResult> {
  const service = await tx.service.findFirst({
    where: { id: serviceId, published: true },
    select: { id: true, organisationId: true, name: true },
  });
  if (!service) return { ok: false, reason: 'not_found' };
  if (input.website && input.website.trim() !== '') return { ok: true, id: null };
  const limit = await hit(tx, `report-problem:${clientKey}`, REPORT_LIMIT.perHour, REPORT_LIMIT.windowSeconds);
  if (!limit.allowed) return { ok: false, reason: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds };
  const created = await tx.listingChangeRequest.create({
    data: {
      kind: 'problem_report',
      serviceId: service.id,
      organisationId: service.organisationId,
      message: input.details,
      reporterEmail: input.email ?? null,
      proposed: { problem: input.kind, problemText: PROBLEM_KINDS[input.kind] },
      previous: { name: service.name },
    },
    select: { id: true },
  });
  return { ok: true, id: created.id };
}
