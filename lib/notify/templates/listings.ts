// Emails to groups about their listings, their group's details and their members.
import { config } from '../../config';
import { lines, type Rendered } from './render';

const signOff = () => config.borough.serviceName;

export function changeApproved(d: {
  serviceName: string;
  kind: 'new_listing' | 'change';
  publicUrl: string;
  note?: string | null;
}): Rendered {
  const what =
    d.kind === 'new_listing'
      ? `Your listing for ${d.serviceName} is now published.`
      : `Your changes to ${d.serviceName} are now published.`;
  return {
    channel: 'email',
    template: 'listing_change_approved',
    subject: d.kind === 'new_listing' ? `${d.serviceName} is now listed` : `Your changes to ${d.serviceName} are published`,
    body: lines(
      'Hello,',
      '',
      what,
      d.note ? `A coordinator added: ${d.note}` : null,
      '',
      'See it as the public sees it:',
      d.publicUrl,
      '',
      signOff(),
    ),
    personalisation: { service_name: d.serviceName, public_url: d.publicUrl, note: d.note ?? '' },
  };
}

export function changeSentBack(d: {
  serviceName: string;
  kind: 'new_listing' | 'change';
  message: string;
  editUrl: string;
}): Rendered {
  return {
    channel: 'email',
    template: 'listing_change_sent_back',
    subject: `Please look again at your listing for ${d.serviceName}`,
    body: lines(
      'Hello,',
      '',
      d.kind === 'new_listing'
        ? `A coordinator has looked at your new listing for ${d.serviceName} and has a question before it can be published.`
        : `A coordinator has looked at your changes to ${d.serviceName} and has a question before they can be published.`,
      '',
      'What they said:',
      d.message,
      '',
      'Update your listing here:',
      d.editUrl,
      '',
      signOff(),
    ),
    personalisation: { service_name: d.serviceName, message: d.message, edit_url: d.editUrl },
  };
}

export function verifyEmail(d: { name: string; organisationName: string; verifyUrl: string; expiresOn: string }): Rendered {
  return {
    channel: 'email',
    template: 'group_verify_email',
    subject: `Confirm your email address for ${d.organisationName}`,
    body: lines(
      `Hello ${d.name},`,
      '',
      `Thank you for registering ${d.organisationName}. To confirm this is your email address, use this link:`,
      d.verifyUrl,
      '',
      `The link works once and stops working on ${d.expiresOn}.`,
      'A coordinator will then check your group’s details. You can start adding your activities straight away; they are published once the coordinator has checked them.',
      '',
      'If you did not register, you can ignore this email.',
      '',
      signOff(),
    ),
    personalisation: { name: d.name, organisation_name: d.organisationName, verify_url: d.verifyUrl, expires_on: d.expiresOn },
  };
}

export function invitation(d: { inviterName: string; organisationName: string; inviteUrl: string; expiresOn: string }): Rendered {
  return {
    channel: 'email',
    template: 'group_invitation',
    subject: `${d.inviterName} has added you to ${d.organisationName}`,
    body: lines(
      'Hello,',
      '',
      `${d.inviterName} has added you to ${d.organisationName} on ${config.borough.serviceName}, so you can update its listings and answer referrals.`,
      '',
      'To set your password and sign in, use this link:',
      d.inviteUrl,
      '',
      `The link works once and stops working on ${d.expiresOn}. If you were not expecting this, you can ignore this email.`,
      '',
      signOff(),
    ),
    personalisation: {
      inviter_name: d.inviterName,
      organisation_name: d.organisationName,
      invite_url: d.inviteUrl,
      expires_on: d.expiresOn,
    },
  };
}

/**
 * Someone signed a group up with an address that already has an account. The page answered as
 * for any sign-up, so the owner of the address hears about it here instead.
 */
export function signUpWithExistingAccount(d: {
  name: string;
  organisationName: string;
  signInUrl: string;
  forgotUrl: string;
}): Rendered {
  return {
    channel: 'email',
    template: 'group_sign_up_existing_account',
    subject: `Someone tried to register a group with your email address`,
    body: lines(
      `Hello ${d.name},`,
      '',
      `Someone tried to register a group called ${d.organisationName} on ${config.borough.serviceName} using this email address, which already has an account. We have not registered it.`,
      '',
      'If it was you, sign in with your usual password instead:',
      d.signInUrl,
      '',
      'If you have forgotten your password, you can reset it here:',
      d.forgotUrl,
      '',
      `If it was not you, you do not need to do anything. Your account has not changed. If it keeps happening, contact ${config.borough.contactEmail}.`,
      '',
      signOff(),
    ),
    personalisation: {
      name: d.name,
      organisation_name: d.organisationName,
      sign_in_url: d.signInUrl,
      forgot_url: d.forgotUrl,
    },
  };
}

/** A group member tried to add a staff account to their group: staff accounts cannot join groups. */
export function staffAccountNotAdded(d: { name: string; inviterName: string; organisationName: string }): Rendered {
  return {
    channel: 'email',
    template: 'group_invite_staff_account',
    subject: `${d.inviterName} tried to add you to ${d.organisationName}`,
    body: lines(
      `Hello ${d.name},`,
      '',
      `${d.inviterName} tried to add this email address to ${d.organisationName} on ${config.borough.serviceName}. It belongs to a staff account, and staff accounts cannot manage a group's listings, so we have not added you.`,
      '',
      `If you should help manage the group, ask ${d.inviterName} to use another email address, or contact ${config.borough.contactEmail}.`,
      '',
      signOff(),
    ),
    personalisation: { name: d.name, inviter_name: d.inviterName, organisation_name: d.organisationName },
  };
}

/** For someone who already has a provider account: no link to set a password, just where to sign in. */
export function addedToGroup(d: { name: string; inviterName: string; organisationName: string; listingsUrl: string }): Rendered {
  return {
    channel: 'email',
    template: 'group_member_added',
    subject: `${d.inviterName} has added you to ${d.organisationName}`,
    body: lines(
      `Hello ${d.name},`,
      '',
      `${d.inviterName} has added you to ${d.organisationName} on ${config.borough.serviceName}, so you can update its listings and answer referrals.`,
      '',
      'Sign in with your usual email address and password to see its listings:',
      d.listingsUrl,
      '',
      `If you were not expecting this, contact ${config.borough.contactEmail}.`,
      '',
      signOff(),
    ),
    personalisation: {
      name: d.name,
      inviter_name: d.inviterName,
      organisation_name: d.organisationName,
      listings_url: d.listingsUrl,
    },
  };
}

export function organisationDecided(d: {
  organisationName: string;
  approved: boolean;
  note?: string | null;
  signInUrl: string;
}): Rendered {
  return {
    channel: 'email',
    template: d.approved ? 'group_approved' : 'group_not_approved',
    subject: d.approved ? `${d.organisationName} is approved` : `We could not approve ${d.organisationName}`,
    body: lines(
      'Hello,',
      '',
      d.approved
        ? `A coordinator has checked that ${d.organisationName} exists and that its contact details are genuine. Your group is approved, and its listings are published once they have been checked.`
        : `A coordinator has looked at ${d.organisationName} and could not approve it.`,
      d.note ? `What they said: ${d.note}` : null,
      '',
      d.approved ? 'Sign in to manage your listings:' : `If you have questions, contact ${config.borough.contactEmail}.`,
      d.approved ? d.signInUrl : null,
      '',
      signOff(),
    ),
    personalisation: { organisation_name: d.organisationName, note: d.note ?? '' },
  };
}

export function organisationChangeDecided(d: {
  organisationName: string;
  approved: boolean;
  note: string | null;
  url: string;
}): Rendered {
  return {
    channel: 'email',
    template: d.approved ? 'group_details_approved' : 'group_details_sent_back',
    subject: d.approved
      ? `Your changes to ${d.organisationName} are published`
      : `Please look again at your changes to ${d.organisationName}`,
    body: lines(
      'Hello,',
      '',
      d.approved
        ? `A coordinator has checked your changes to ${d.organisationName}'s details. They are now published.`
        : `A coordinator has looked at your changes to ${d.organisationName}'s details and has a question before they can be published.`,
      d.note ? '' : null,
      d.note ? (d.approved ? `A coordinator added: ${d.note}` : 'What they said:') : null,
      d.note && !d.approved ? d.note : null,
      '',
      d.approved ? 'See your group’s details:' : 'Update the details here:',
      d.url,
      '',
      signOff(),
    ),
    personalisation: { organisation_name: d.organisationName, note: d.note ?? '', url: d.url },
  };
}
