import { describe, expect, it } from 'vitest';
import { config } from '@/lib/config';
import { addedToGroup, invitation } from '@/lib/listings/messages';

describe('telling someone they were added to a group', () => {
  const d = {
    name: 'Grace Hopper',
    inviterName: 'Ada Lovelace',
    organisationName: 'Riverside Knitters',
    listingsUrl: 'https://connect.example/provider/listings',
  };
  const m = addedToGroup(d);
  const service = config.borough.serviceName;

  it('says who added them, to what, and where to sign in, in GOV.UK style', () => {
    expect(m.template).toBe('group_member_added');
    expect(m.subject).toBe('Ada Lovelace has added you to Riverside Knitters');
    expect(m.body).toContain('Hello Grace Hopper,');
    expect(m.body).toContain(
      `Ada Lovelace has added you to Riverside Knitters on ${service}, so you can update its listings and answer referrals.`,
    );
    expect(m.body).toContain('\nhttps://connect.example/provider/listings\n');
    expect(m.body).toContain('email');
    expect(m.body).not.toContain('e-mail');
    expect(m.body.trimEnd().endsWith(service)).toBe(true);
  });

  it('gives Notify the same data as the body, with no password link', () => {
    expect(m.personalisation).toEqual({
      name: 'Grace Hopper',
      inviter_name: 'Ada Lovelace',
      organisation_name: 'Riverside Knitters',
      listings_url: 'https://connect.example/provider/listings',
    });
    expect(m.body).not.toMatch(/password from|set your password|link works once/i);
  });

  it('is a different message from the invitation to someone new', () => {
    const invite = invitation({
      inviterName: 'Ada Lovelace',
      organisationName: 'Riverside Knitters',
      inviteUrl: 'https://connect.example/groups/invite/X',
      expiresOn: '1 December 2026',
    });
    expect(invite.template).not.toBe(m.template);
    expect(invite.subject).toBe(m.subject);
  });
});
