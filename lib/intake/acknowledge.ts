// Telling the sender that a referral arrived, with its reference and what happens next: the
// resident who asked for help, by the route they chose (an email or a text; nothing for a call,
// a letter or no details), and a professional referrer by their work email.
import { config } from '@/lib/config';
import type { Tx } from '@/lib/db/client';
import { enqueueRendered, messageRoute, templates } from '@/lib/notify';
import { promisedContactBy } from '@/lib/triage/targets';
import { CONTACT_METHOD_PHRASES } from './options';
import type { ReferralFormData } from './schema';

export async function acknowledgeReferral(
  tx: Tx,
  d: { caseId: string; reference: string; form: ReferralFormData; receivedAt: Date },
): Promise<number> {
  const promise = promisedContactBy(d.receivedAt, config.triageTargetWorkingDays);
  const common = {
    reference: d.reference,
    contactHow: CONTACT_METHOD_PHRASES[d.form.person.preferredContact],
    contactWithinDays: promise.days,
    contactBy: promise.by,
  };
  const payload = { caseId: d.caseId, reference: d.reference };
  let queued = 0;
  if (d.form.kind === 'self') {
    const route = messageRoute(d.form.person);
    if (route) {
      const data = { ...common, byCarer: d.form.referrer !== null };
      const rendered = route.channel === 'email' ? templates.requestReceived(data) : templates.requestReceivedText(data);
      await enqueueRendered(tx, { recipient: route.to, rendered, payload }, d.receivedAt);
      queued++;
    }
  } else if (d.form.referrer?.email) {
    await enqueueRendered(
      tx,
      { recipient: d.form.referrer.email, rendered: templates.referralReceived(common), payload },
      d.receivedAt,
    );
    queued++;
  }
  return queued;
}
