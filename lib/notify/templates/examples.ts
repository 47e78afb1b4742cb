// Every template rendered with made-up example data, for the admin preview (/admin/messages) and
// for a test that checks each one. A template added to ./index.ts belongs here too.
import { config } from '../../config';
import * as t from './index';
import type { Rendered } from './render';

export type Example = {
  /** Who receives it and when, in a few words. */
  when: string;
  audience: 'Residents' | 'Referrers and GP practices' | 'Providers' | 'Staff';
  messages: Rendered[];
};

const at = (iso: string) => new Date(iso);

const walking: t.ServiceDetails = {
  name: 'Walking for Health: Lakeside',
  organisationName: 'Eastbrook Ramblers',
  when: ['Every Tuesday, 10am to 11am', 'Every Friday, 2pm to 3pm'],
  where: ['Lakeside Park café, Lake Road, Eastbrook, EB1 4QT'],
  cost: 'Free',
  phone: '01632 960 402',
  email: 'walks@eastbrookramblers.example.org',
  website: 'https://eastbrookramblers.example.org',
  pageUrl: 'https://connect.example/services/6f1c2e8a-0d4b-4e8f-9a51-3c2b7d9e1f00',
};

const lunch: t.ServiceDetails = {
  name: 'Friday Friendship Lunch',
  organisationName: 'St Bartholomew’s Church',
  when: ['Every Friday, midday to 2pm'],
  where: ['St Bartholomew’s Church Hall, Vale Road, Carrow Vale, EB7 1AD'],
  cost: '£3 for a two-course meal',
  phone: '01632 960 715',
  email: null,
  website: null,
  pageUrl: 'https://connect.example/services/0b7d3c2a-5e6f-4a1b-8c9d-2e3f4a5b6c7d',
};

const received = {
  reference: 'EB-F9Q6-7JJX',
  contactHow: 'by email',
  contactWithinDays: 10,
  contactBy: at('2026-12-17T00:00:00Z'),
};

const outcome: t.OutcomeSummary = {
  reference: 'EB-F9Q6-7JJX',
  receivedAt: at('2026-09-01T09:12:00Z'),
  acceptedAt: at('2026-09-02T10:00:00Z'),
  firstContactAt: at('2026-09-04T14:30:00Z'),
  closedAt: at('2026-11-20T16:00:00Z'),
  outcome: 'Settled with community support',
  connectedTo: [
    'Walking for Health: Lakeside (Eastbrook Ramblers): attending',
    'Friday Friendship Lunch (St Bartholomew’s Church): completed',
  ],
  codes: [{ code: '871731000000106', display: 'Referral to social prescribing service' }],
};

const referral = {
  serviceName: 'Walking for Health: Lakeside',
  teamName: 'Eastbrook Community Connectors',
  acceptUrl: 'https://connect.example/r/accept-example',
  declineUrl: 'https://connect.example/r/decline-example',
  answerBy: at('2026-12-10T00:00:00Z'),
  inboxUrl: 'https://connect.example/provider/referrals',
  signOff: config.borough.serviceName,
};

/** In the order the preview shows them: residents first, then referrers and GPs, providers, staff. */
export function templateExamples(): Example[] {
  const signOff = config.borough.serviceName;
  return [
    {
      when: 'A resident asks for help for themself (or a carer for them) and chose email or text',
      audience: 'Residents',
      messages: [t.requestReceived({ ...received, byCarer: false }), t.requestReceivedText({ ...received, byCarer: false })],
    },
    {
      when: 'A worker sends a person the details of services, from triage or the case',
      audience: 'Residents',
      messages: [
        t.serviceDetails({ reference: 'EB-F9Q6-7JJX', services: [walking, lunch] }),
        t.serviceDetailsText({ reference: 'EB-F9Q6-7JJX', service: walking }),
        t.serviceDetailsText({ reference: 'EB-F9Q6-7JJX', service: lunch }),
      ],
    },
    {
      when: 'A professional refers someone and gave a work email address',
      audience: 'Referrers and GP practices',
      messages: [t.referralReceived(received)],
    },
    {
      when: 'A case from a professional referral closes',
      audience: 'Referrers and GP practices',
      messages: [t.outcomeToReferrer(outcome)],
    },
    {
      when: 'A case closes and the person agreed that their GP is told',
      audience: 'Referrers and GP practices',
      messages: [
        t.outcomeToGp({
          ...outcome,
          practiceName: 'The Market Street Practice',
          person: { name: 'Margaret Hill', dateOfBirth: at('1948-03-27T00:00:00Z'), postcode: 'EB1 2AD' },
        }),
      ],
    },
    { when: 'A worker refers someone to a service', audience: 'Providers', messages: [t.referralToProvider(referral)] },
    {
      when: 'A referral has waited 7 days for an answer',
      audience: 'Providers',
      messages: [t.referralReminder({ ...referral, sentAt: at('2026-11-26T10:00:00Z') })],
    },
    {
      when: 'A listing has not been checked for a while',
      audience: 'Providers',
      messages: [
        t.listingStillRight({
          serviceName: 'Walking for Health: Lakeside',
          lastCheckedAt: at('2026-05-14T09:00:00Z'),
          confirmUrl: 'https://connect.example/listing-check/example',
          editUrl: 'https://connect.example/provider/listings/example',
          signOff,
        }),
      ],
    },
    {
      when: 'A coordinator publishes a new listing or a change',
      audience: 'Providers',
      messages: [
        t.changeApproved({
          serviceName: 'Walking for Health: Lakeside',
          kind: 'new_listing',
          publicUrl: walking.pageUrl,
          note: null,
        }),
      ],
    },
    {
      when: 'A coordinator sends a listing back with a question',
      audience: 'Providers',
      messages: [
        t.changeSentBack({
          serviceName: 'Walking for Health: Lakeside',
          kind: 'change',
          message: 'Is the Friday walk still running over the winter?',
          editUrl: 'https://connect.example/provider/listings/example',
        }),
      ],
    },
    {
      when: 'Someone registers a group',
      audience: 'Providers',
      messages: [
        t.verifyEmail({
          name: 'Grace Hopper',
          organisationName: 'Riverside Knitters',
          verifyUrl: 'https://connect.example/groups/verify/example',
          expiresOn: '9 December 2026',
        }),
        t.signUpWithExistingAccount({
          name: 'Grace Hopper',
          organisationName: 'Riverside Knitters',
          signInUrl: 'https://connect.example/sign-in',
          forgotUrl: 'https://connect.example/forgot-password',
        }),
      ],
    },
    {
      when: 'A coordinator decides on a new group, or on changes to its details',
      audience: 'Providers',
      messages: [
        t.organisationDecided({
          organisationName: 'Riverside Knitters',
          approved: true,
          note: null,
          signInUrl: 'https://connect.example/sign-in',
        }),
        t.organisationDecided({
          organisationName: 'Riverside Knitters',
          approved: false,
          note: 'We could not reach the group at the number given.',
          signInUrl: 'https://connect.example/sign-in',
        }),
        t.organisationChangeDecided({
          organisationName: 'Riverside Knitters',
          approved: true,
          note: null,
          url: 'https://connect.example/provider/group',
        }),
        t.organisationChangeDecided({
          organisationName: 'Riverside Knitters',
          approved: false,
          note: 'Please give a phone number people can call.',
          url: 'https://connect.example/provider/group',
        }),
      ],
    },
    {
      when: 'A group member adds someone to the group',
      audience: 'Providers',
      messages: [
        t.invitation({
          inviterName: 'Ada Lovelace',
          organisationName: 'Riverside Knitters',
          inviteUrl: 'https://connect.example/accept-invite/example',
          expiresOn: '9 December 2026',
        }),
        t.addedToGroup({
          name: 'Grace Hopper',
          inviterName: 'Ada Lovelace',
          organisationName: 'Riverside Knitters',
          listingsUrl: 'https://connect.example/provider/listings',
        }),
        t.staffAccountNotAdded({ name: 'Sam Okafor', inviterName: 'Ada Lovelace', organisationName: 'Riverside Knitters' }),
      ],
    },
    {
      when: 'A new referral arrives in the triage queue',
      audience: 'Staff',
      messages: [
        t.coordinatorNewReferral({
          reference: 'EB-F9Q6-7JJX',
          sourceLabel: 'GP practice',
          receivedAt: at('2026-12-03T09:12:00Z'),
          queueUrl: 'https://connect.example/triage',
          signOff,
        }),
      ],
    },
    {
      when: 'A provider answers a referral, or it gets no answer in time',
      audience: 'Staff',
      messages: [
        t.referralAnsweredToWorker({
          workerName: 'Priya Shah',
          serviceName: 'Walking for Health: Lakeside',
          caseReference: 'EB-F9Q6-7JJX',
          outcome: 'accepted the referral',
          caseUrl: 'https://connect.example/cases/example',
          signOff,
        }),
        t.referralExpiredToWorker({
          workerName: 'Priya Shah',
          serviceName: 'Walking for Health: Lakeside',
          caseReference: 'EB-F9Q6-7JJX',
          sentAt: at('2026-11-19T10:00:00Z'),
          caseUrl: 'https://connect.example/cases/example',
          signOff,
        }),
      ],
    },
    {
      when: 'An admin or coordinator sets up a staff account, or someone forgets their password',
      audience: 'Staff',
      messages: [
        t.staffInvitation({
          name: 'Priya Shah',
          inviterName: 'Sam Okafor',
          roleLabel: 'Link worker',
          inviteUrl: 'https://connect.example/accept-invite/example',
          expiresOn: '9 December 2026',
        }),
        t.passwordReset({ name: 'Priya Shah', resetUrl: 'https://connect.example/reset-password/example', minutes: 30 }),
      ],
    },
  ];
}
