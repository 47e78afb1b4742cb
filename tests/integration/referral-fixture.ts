// A team, a link worker, a provider group with one service, a person and their case: the least a
// referral needs. Each call makes its own rows, so tests in one file do not share them.
import { randomBytes } from 'node:crypto';
import type { Db } from '@/lib/db/client';
import { createReferral, sendReferral } from '@/lib/referrals/send';

export async function referralWorld(db: Db, options: { serviceEmail?: string | null; orgEmail?: string | null } = {}) {
  const tag = randomBytes(4).toString('hex');
  const team = await db.team.create({ data: { name: `North team ${tag}`, email: `north-${tag}@example.gov.uk` } });
  const worker = await db.user.create({
    data: { email: `worker-${tag}@example.gov.uk`, name: 'Priya Shah', passwordHash: 'x', role: 'link_worker', teamId: team.id },
  });
  const providerUser = await db.user.create({
    data: { email: `provider-${tag}@example.org`, name: 'Alex Green', passwordHash: 'x', role: 'provider' },
  });
  const organisation = await db.organisation.create({
    data: {
      name: `Walkers ${tag}`,
      email: options.orgEmail === undefined ? `org-${tag}@example.org` : options.orgEmail,
      status: 'approved',
    },
  });
  await db.organisationMember.create({ data: { organisationId: organisation.id, userId: providerUser.id } });
  const service = await db.service.create({
    data: {
      organisationId: organisation.id,
      name: `Tuesday Walking Group ${tag}`,
      email: options.serviceEmail === undefined ? `walks-${tag}@example.org` : options.serviceEmail,
      published: true,
    },
  });
  const person = await db.person.create({ data: { name: 'Sam Carter', phone: '07700 900123' } });
  const kase = await db.case.create({
    data: {
      reference: `EB-${tag}`,
      personId: person.id,
      teamId: team.id,
      source: 'gp',
      assignedWorkerId: worker.id,
      status: 'active',
    },
  });

  async function draft(now = new Date()) {
    return createReferral(
      db,
      {
        caseId: kase.id,
        serviceId: service.id,
        createdById: worker.id,
        sharedInfo: { name: 'Sam Carter', whatMatters: 'Getting out more' },
        message: 'Sam is keen.',
      },
      now,
    );
  }

  async function sent(now = new Date()) {
    const r = await draft(now);
    const result = await db.$transaction((tx) =>
      sendReferral(tx, { referralId: r.id, actor: { kind: 'worker', userId: worker.id } }, now),
    );
    if (!result.ok) throw new Error(`could not send: ${result.reason}`);
    return result.referral;
  }

  return { team, worker, providerUser, organisation, service, person, kase, draft, sent };
}

/** The raw tokens in the links of the newest message to `recipient` (the way a provider gets them). */
export async function linksIn(db: Db, recipient: string): Promise<{ accept: string; decline: string }> {
  const message = await db.notification.findFirst({ where: { recipient }, orderBy: { createdAt: 'desc' } });
  if (!message) throw new Error(`no message to ${recipient}`);
  const tokens = [...message.body.matchAll(/\/r\/([A-Za-z0-9_-]{43})/g)].map((m) => m[1]);
  if (tokens.length !== 2) throw new Error(`expected two links, found ${tokens.length}`);
  return { accept: tokens[0], decline: tokens[1] };
}
