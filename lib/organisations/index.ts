// Groups join the directory themselves: a sign-up makes the organisation (waiting for a coordinator)
// and its first provider account (switched on once the e-mail address is confirmed by a link).
// A member can add co-members, who set their own password from an e-mailed link.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { recordAudit } from '@/lib/audit/record';
import { hashPassword } from '@/lib/auth/password';
import { newPassword, passwordProblem } from '@/lib/auth/password-policy';
import { assertCan } from '@/lib/auth/permissions';
import { revokeSessions } from '@/lib/auth/load-user';
import { hit } from '@/lib/auth/rate-limit';
import type { SessionUser } from '@/lib/auth/types';
import type { Tx } from '@/lib/db/client';
import { formatDate } from '@/lib/format/dates';
import {
  addedToGroup,
  invitation,
  organisationDecided,
  queue,
  signUpWithExistingAccount,
  staffAccountNotAdded,
  verifyEmail,
} from '@/lib/listings/messages';
import { lengthLimit } from '@/lib/forms';
import { normalisePhone, normaliseUrl, plainLine, plainText } from '@/lib/listings/text';
import { listingUrls } from '@/lib/listings/urls';
import { consumeToken, createToken, peekToken } from '@/lib/tokens';

export const VERIFY_PURPOSE = 'account.verify';
export const INVITE_PURPOSE = 'account.invite';
const DAY = 86_400_000;
export const JOIN_LIMIT = { perHour: 5, windowSeconds: 3600 } as const;
export const INVITE_LIMIT = { perDay: 20, windowSeconds: 86_400 } as const;

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const emailField = (missing: string) =>
  z.preprocess(
    (v) => plainLine(str(v)).toLowerCase(),
    z
      .string()
      .min(1, missing)
      .pipe(z.email({ error: 'Enter an email address in the correct format, like name@example.com' }).max(254)),
  );

export const joinInput = z
  .object({
    organisationName: z.preprocess(
      (v) => plainLine(str(v)),
      z.string().min(1, 'Enter the name of your group').superRefine(lengthLimit('The name', 120)),
    ),
    description: z.preprocess((v) => plainText(str(v)), z.string().superRefine(lengthLimit('The description', 1000))),
    charityNumber: z.preprocess(
      (v) => plainLine(str(v)).replace(/\s/g, ''),
      z.string().regex(/^(\d{6,8}(-\d{1,2})?)?$/, 'Enter a charity number like 1234567, or leave it blank'),
    ),
    companyNumber: z.preprocess(
      (v) => plainLine(str(v)).replace(/\s/g, '').toUpperCase(),
      z.string().regex(/^([A-Z0-9]{8})?$/, 'Enter a company number of 8 characters, like 01234567, or leave it blank'),
    ),
    website: z.preprocess((v) => str(v), z.string()),
    organisationPhone: z.preprocess((v) => str(v), z.string()),
    contactName: z.preprocess(
      (v) => plainLine(str(v)),
      z.string().min(1, 'Enter your full name').superRefine(lengthLimit('Your name', 100)),
    ),
    email: emailField('Enter your email address'),
    password: newPassword,
    confirm: z.literal('yes', { error: 'Confirm that you can register this group' }),
    // Hidden from people; automated sign-ups fill it in.
    nickname: z.string().optional(),
  })
  .superRefine(
    (s, ctx) => {
      if (typeof s.website === 'string' && s.website.trim() && !normaliseUrl(s.website)) {
        ctx.addIssue({ code: 'custom', path: ['website'], message: 'Enter a web address, like www.example.org' });
      }
      if (typeof s.organisationPhone === 'string' && s.organisationPhone.trim() && !normalisePhone(s.organisationPhone)) {
        ctx.addIssue({ code: 'custom', path: ['organisationPhone'], message: 'Enter a UK phone number, like 01632 960 123' });
      }
      // Length and the common list are the field's own checks; here, not their own address or name.
      if (typeof s.password === 'string' && passwordProblem(s.password) === null) {
        const problem = passwordProblem(s.password, { email: s.email, name: s.contactName });
        if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
      }
    },
    { when: () => true },
  );

export type JoinInput = z.output<typeof joinInput>;

export type JoinResult =
  { ok: true; organisationId: string | null } | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

/**
 * Registers a group and its first member. A filled-in honeypot is accepted silently and nothing is
 * stored. An address that already has an account gets the same answer as a new one (so the form
 * cannot be used to learn who has an account); its owner is told by e-mail instead, and nothing is made.
 */
export async function registerGroup(tx: Tx, input: JoinInput, clientKey: string, now: Date = new Date()): Promise<JoinResult> {
  if (input.nickname && input.nickname.trim() !== '') return { ok: true, organisationId: null };
  const limit = await hit(tx, `group-join:${clientKey}`, JOIN_LIMIT.perHour, JOIN_LIMIT.windowSeconds, now);
  if (!limit.allowed) return { ok: false, reason: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds };
  const existing = await tx.user.findFirst({
    where: { email: { equals: input.email, mode: 'insensitive' } },
    select: { id: true, name: true, email: true },
  });
  if (existing) {
    await queue(
      tx,
      existing.email,
      signUpWithExistingAccount({
        name: existing.name,
        organisationName: input.organisationName,
        signInUrl: listingUrls.signIn(),
        forgotUrl: listingUrls.forgotPassword(),
      }),
      {},
      now,
    );
    await recordAudit(tx, {
      actor: null,
      action: 'organisation.sign_up_existing_account',
      entityType: 'user',
      entityId: existing.id,
      at: now,
    });
    return { ok: true, organisationId: null };
  }

  const organisation = await tx.organisation.create({
    data: {
      name: input.organisationName,
      description: input.description,
      charityNumber: input.charityNumber || null,
      companyNumber: input.companyNumber || null,
      website: input.website.trim() ? normaliseUrl(input.website) : null,
      phone: input.organisationPhone.trim() ? normalisePhone(input.organisationPhone) : null,
      email: input.email,
      status: 'pending',
      createdAt: now,
    },
    select: { id: true, name: true },
  });
  const user = await tx.user.create({
    data: {
      email: input.email,
      name: input.contactName,
      passwordHash: await hashPassword(input.password),
      role: 'provider',
      active: false,
      createdAt: now,
    },
    select: { id: true },
  });
  await tx.organisationMember.create({
    data: { organisationId: organisation.id, userId: user.id, role: 'owner', createdAt: now },
  });
  const expiresAt = new Date(now.getTime() + 3 * DAY);
  const token = await createToken(tx, { purpose: VERIFY_PURPOSE, subjectId: user.id, expiresAt });
  await queue(
    tx,
    input.email,
    verifyEmail({
      name: input.contactName,
      organisationName: organisation.name,
      verifyUrl: listingUrls.verifyEmail(token.raw),
      expiresOn: formatDate(expiresAt),
    }),
    { organisationId: organisation.id },
    now,
  );
  await recordAudit(tx, {
    actor: null,
    action: 'organisation.registered',
    entityType: 'organisation',
    entityId: organisation.id,
    detail: { userId: user.id },
    at: now,
  });
  return { ok: true, organisationId: organisation.id };
}

/** The e-mailed link: confirms the address and switches the account on. */
export async function verifyByLink(
  tx: Tx,
  raw: string,
  now: Date = new Date(),
): Promise<{ ok: true; email: string } | { ok: false }> {
  const token = await consumeToken(tx, raw, VERIFY_PURPOSE, now);
  if (!token) return { ok: false };
  const user = await tx.user.update({
    where: { id: token.subjectId },
    data: { active: true },
    select: { id: true, email: true, role: true },
  });
  await recordAudit(tx, {
    actor: { id: user.id, role: user.role },
    action: 'account.email_verified',
    entityType: 'user',
    entityId: user.id,
    at: now,
  });
  return { ok: true, email: user.email };
}

export type PendingOrganisation = {
  id: string;
  name: string;
  description: string;
  charityNumber: string | null;
  companyNumber: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  createdAt: Date;
  members: Array<{ name: string; email: string; emailConfirmed: boolean }>;
  listings: number;
};

/** Groups waiting for a coordinator, oldest first. */
export async function pendingOrganisations(tx: Tx): Promise<PendingOrganisation[]> {
  const rows = await tx.organisation.findMany({
    where: { status: 'pending' },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: 200,
    include: {
      members: { include: { user: { select: { name: true, email: true, active: true } } }, orderBy: { createdAt: 'asc' } },
      _count: { select: { services: true } },
    },
  });
  return rows.map((o) => ({
    id: o.id,
    name: o.name,
    description: o.description,
    charityNumber: o.charityNumber,
    companyNumber: o.companyNumber,
    website: o.website,
    email: o.email,
    phone: o.phone,
    createdAt: o.createdAt,
    members: o.members.map((m) => ({ name: m.user.name, email: m.user.email, emailConfirmed: m.user.active })),
    listings: o._count.services,
  }));
}

export type DecideResult = { ok: true } | { ok: false; reason: 'not_found' | 'already_decided' | 'not_checked' };

/**
 * Approves or turns down a group waiting for a coordinator, and tells its members. Approving is
 * saying the group exists and its contact is genuine (its members are told it was checked), so it
 * needs the coordinator's check.
 */
export async function decideOrganisation(
  tx: Tx,
  reviewer: SessionUser,
  organisationId: string,
  decision: { approve: boolean; verified: boolean; note: string | null },
  now: Date = new Date(),
): Promise<DecideResult> {
  assertCan(reviewer, 'moderation.review');
  if (decision.approve && !decision.verified) return { ok: false, reason: 'not_checked' };
  const { count } = await tx.organisation.updateMany({
    where: { id: organisationId, status: 'pending' },
    data: {
      status: decision.approve ? 'approved' : 'rejected',
      ...(decision.approve ? { verified: true, verifiedAt: now, verifiedById: reviewer.id } : {}),
      version: { increment: 1 },
    },
  });
  if (count === 0)
    return {
      ok: false,
      reason: (await tx.organisation.count({ where: { id: organisationId } })) ? 'already_decided' : 'not_found',
    };
  const org = await tx.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { name: true, email: true, members: { select: { user: { select: { email: true } } } } },
  });
  // The form refuses a note over its limit; it is never cut here.
  const note = decision.note ? plainText(decision.note) || null : null;
  const recipients = new Set(org.members.map((m) => m.user.email));
  if (recipients.size === 0 && org.email) recipients.add(org.email);
  for (const to of recipients) {
    await queue(
      tx,
      to,
      organisationDecided({ organisationName: org.name, approved: decision.approve, note, signInUrl: listingUrls.signIn() }),
      { organisationId },
      now,
    );
  }
  await recordAudit(tx, {
    actor: reviewer,
    action: decision.approve ? 'organisation.approved' : 'organisation.rejected',
    entityType: 'organisation',
    entityId: organisationId,
    detail: { verified: decision.approve },
    at: now,
  });
  return { ok: true };
}

// ---------- members ----------

export const inviteInput = z.object({
  name: z.preprocess(
    (v) => plainLine(str(v)),
    z.string().min(1, 'Enter their full name').superRefine(lengthLimit('The name', 100)),
  ),
  email: emailField('Enter their email address'),
});
export type InviteInput = z.output<typeof inviteInput>;

export type InviteResult = { ok: true } | { ok: false; reason: 'already_member' | 'rate_limited' };

/**
 * Adds a co-member. Someone new gets an account (off until they set a password from the e-mailed
 * link); an existing provider account is added to the group and told by e-mail; a staff account is
 * not added, and its owner is told why. The inviter gets the same answer in all three cases, so the
 * form cannot be used to learn which addresses have accounts.
 */
export async function inviteMember(
  tx: Tx,
  inviter: SessionUser,
  organisationId: string,
  input: InviteInput,
  now: Date = new Date(),
): Promise<InviteResult> {
  assertCan(inviter, 'service.edit', { kind: 'organisation', organisationId });
  const limit = await hit(tx, `group-invite:${inviter.id}`, INVITE_LIMIT.perDay, INVITE_LIMIT.windowSeconds, now);
  if (!limit.allowed) return { ok: false, reason: 'rate_limited' };
  const org = await tx.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { name: true } });
  const existing = await tx.user.findUnique({
    where: { email: input.email },
    select: { id: true, name: true, role: true, memberships: { where: { organisationId }, select: { userId: true } } },
  });
  if (existing) {
    if (existing.memberships.length) return { ok: false, reason: 'already_member' };
    if (existing.role !== 'provider') {
      await queue(
        tx,
        input.email,
        staffAccountNotAdded({ name: existing.name, inviterName: inviter.name, organisationName: org.name }),
        { organisationId },
        now,
      );
      await recordAudit(tx, {
        actor: inviter,
        action: 'organisation.member_refused_staff_account',
        entityType: 'organisation',
        entityId: organisationId,
        detail: { userId: existing.id },
        at: now,
      });
      return { ok: true };
    }
    await tx.organisationMember.create({ data: { organisationId, userId: existing.id, role: 'member', createdAt: now } });
    // They can now see the group's referrals and change its listings: they should hear about it.
    await queue(
      tx,
      input.email,
      addedToGroup({
        name: existing.name,
        inviterName: inviter.name,
        organisationName: org.name,
        listingsUrl: listingUrls.providerListings(),
      }),
      { organisationId },
      now,
    );
    await recordAudit(tx, {
      actor: inviter,
      action: 'organisation.member_added',
      entityType: 'organisation',
      entityId: organisationId,
      detail: { userId: existing.id },
      at: now,
    });
    return { ok: true };
  }
  const user = await tx.user.create({
    data: {
      email: input.email,
      name: input.name,
      // Nobody knows this password: the account stays off until its owner sets their own.
      passwordHash: await hashPassword(randomBytes(32).toString('base64url')),
      role: 'provider',
      active: false,
      passwordSetAt: null,
      createdAt: now,
    },
    select: { id: true },
  });
  await tx.organisationMember.create({ data: { organisationId, userId: user.id, role: 'member', createdAt: now } });
  const expiresAt = new Date(now.getTime() + 7 * DAY);
  const token = await createToken(tx, { purpose: INVITE_PURPOSE, subjectId: user.id, payload: { organisationId }, expiresAt });
  await queue(
    tx,
    input.email,
    invitation({
      inviterName: inviter.name,
      organisationName: org.name,
      inviteUrl: listingUrls.invite(token.raw),
      expiresOn: formatDate(expiresAt),
    }),
    { organisationId },
    now,
  );
  await recordAudit(tx, {
    actor: inviter,
    action: 'organisation.member_invited',
    entityType: 'organisation',
    entityId: organisationId,
    detail: { userId: user.id },
    at: now,
  });
  return { ok: true };
}

export type InvitePage = { ok: true; email: string; name: string; organisationName: string } | { ok: false };

export async function loadInvite(tx: Tx, raw: string, now: Date = new Date()): Promise<InvitePage> {
  const token = await peekToken(tx, raw, INVITE_PURPOSE, now);
  if (!token) return { ok: false };
  const user = await tx.user.findUnique({ where: { id: token.subjectId }, select: { email: true, name: true } });
  const organisationId = typeof token.payload.organisationId === 'string' ? token.payload.organisationId : null;
  const org = organisationId ? await tx.organisation.findUnique({ where: { id: organisationId }, select: { name: true } }) : null;
  if (!user) return { ok: false };
  return { ok: true, email: user.email, name: user.name, organisationName: org?.name ?? 'your group' };
}

export const passwordInput = z.object({ password: newPassword });

export type AcceptInviteResult =
  { ok: true; email: string } | { ok: false; reason?: 'link' } | { ok: false; reason: 'password'; message: string };

/**
 * Sets the invited person's password and switches their account on; the link works once. A
 * password the policy refuses leaves the link usable.
 */
export async function acceptInvite(tx: Tx, raw: string, password: string, now: Date = new Date()): Promise<AcceptInviteResult> {
  const link = await peekToken(tx, raw, INVITE_PURPOSE, now);
  if (!link) return { ok: false };
  const invited = await tx.user.findUnique({ where: { id: link.subjectId }, select: { email: true, name: true } });
  if (!invited) return { ok: false };
  const problem = passwordProblem(password, invited);
  if (problem) return { ok: false, reason: 'password', message: problem };
  const token = await consumeToken(tx, raw, INVITE_PURPOSE, now);
  if (!token) return { ok: false };
  const user = await tx.user.update({
    where: { id: token.subjectId },
    data: { passwordHash: await hashPassword(password), passwordSetAt: now, active: true },
    select: { id: true, email: true, role: true },
  });
  // A new password ends any session opened with the old one.
  await revokeSessions(tx, user.id, now);
  await recordAudit(tx, {
    actor: { id: user.id, role: user.role },
    action: 'account.invite_accepted',
    entityType: 'user',
    entityId: user.id,
    at: now,
  });
  return { ok: true, email: user.email };
}

export type GroupDetails = {
  id: string;
  name: string;
  status: string;
  verified: boolean;
  description: string;
  website: string | null;
  email: string | null;
  phone: string | null;
  charityNumber: string | null;
  members: Array<{ name: string; email: string; role: string; active: boolean }>;
};

/** The provider's groups with their members (only groups they belong to). */
export async function groupsOf(tx: Tx, user: SessionUser): Promise<GroupDetails[]> {
  if (user.organisationIds.length === 0) return [];
  const rows = await tx.organisation.findMany({
    where: { id: { in: user.organisationIds }, members: { some: { userId: user.id } } },
    orderBy: { name: 'asc' },
    include: {
      members: { include: { user: { select: { name: true, email: true, active: true } } }, orderBy: { createdAt: 'asc' } },
    },
  });
  return rows.map((o) => ({
    id: o.id,
    name: o.name,
    status: o.status,
    verified: o.verified,
    description: o.description,
    website: o.website,
    email: o.email,
    phone: o.phone,
    charityNumber: o.charityNumber,
    members: o.members.map((m) => ({ name: m.user.name, email: m.user.email, role: m.role, active: m.user.active })),
  }));
}
