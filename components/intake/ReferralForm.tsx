'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/Button';
import { Checkboxes, Radios } from '@/components/ui/Choices';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { Select, TextInput, Textarea } from '@/components/ui/TextInput';
import { formState, type FormState } from '@/lib/forms';
import type { Choice } from '@/lib/intake/form-options';
import {
  AGE_BANDS,
  AGE_BAND_LABELS,
  BEST_TIMES,
  BEST_TIME_LABELS,
  CONTACT_METHODS,
  CONTACT_METHOD_LABELS,
  PROFESSIONAL_SOURCES,
  PROFESSIONAL_SOURCE_LABELS,
} from '@/lib/intake/options';
import { FIELD_ANCHORS, REFERRAL_FIELDS, type ReferralKind, type ReferralValues } from '@/lib/intake/schema';
import { DateInput } from './DateInput';

type Props = {
  kind: ReferralKind;
  action: (prev: FormState<ReferralValues>, form: FormData) => Promise<FormState<ReferralValues>>;
  /** Made when the page renders; the same key on a second post means the same referral. */
  submissionKey: string;
  needs: readonly Choice[];
  gpPractices: readonly Choice[];
  privacyNoticeUrl: string;
};

/**
 * The self-referral and professional referral form: one page in sections, GOV.UK patterns. It
 * posts to a server action, so it works without JavaScript; after an error the page comes back
 * with a summary, a message by each field and everything typed kept.
 */
export function ReferralForm({ kind, action, submissionKey, needs, gpPractices, privacyNoticeUrl }: Props) {
  const [state, formAction, pending] = useActionState(action, formState<ReferralValues>({}));
  const e = state.fieldErrors;
  const v = state.values;
  const pro = kind === 'professional';
  const them = pro ? 'the person' : 'you';

  return (
    <>
      <ErrorSummary state={state} order={REFERRAL_FIELDS} ids={FIELD_ANCHORS} formErrorField={pro ? 'referrerName' : 'forWhom'} />
      <form action={formAction} noValidate>
        <input type="hidden" name="submissionKey" value={v.submissionKey ?? submissionKey} />

        {pro ? (
          <section aria-labelledby="about-you-heading">
            <h2 id="about-you-heading" className="heading-m">
              About you
            </h2>
            <TextInput
              id="referrerName"
              label="Your name"
              autoComplete="name"
              spellCheck={false}
              error={e.referrerName}
              defaultValue={v.referrerName ?? ''}
            />
            <TextInput
              id="referrerRole"
              label="Your job title or role"
              hint="For example, practice nurse, social worker or discharge coordinator"
              autoComplete="organization-title"
              error={e.referrerRole}
              defaultValue={v.referrerRole ?? ''}
              width="two-thirds"
            />
            <TextInput
              id="referrerOrganisation"
              label="Organisation or practice"
              autoComplete="organization"
              error={e.referrerOrganisation}
              defaultValue={v.referrerOrganisation ?? ''}
              width="two-thirds"
            />
            <Radios
              name="source"
              legend="Where do you work?"
              legendSize="s"
              error={e.source}
              defaultValue={v.source ?? null}
              items={PROFESSIONAL_SOURCES.map((value) => ({ value, label: PROFESSIONAL_SOURCE_LABELS[value] }))}
            />
            <TextInput
              id="referrerEmail"
              label="Your work email address"
              hint="Give an email address, a phone number or both. We use them only if we need to ask you about this referral."
              type="email"
              autoComplete="email"
              spellCheck={false}
              error={e.referrerEmail}
              defaultValue={v.referrerEmail ?? ''}
              width="two-thirds"
            />
            <TextInput
              id="referrerPhone"
              label="Your work phone number"
              type="tel"
              autoComplete="tel"
              error={e.referrerPhone}
              defaultValue={v.referrerPhone ?? ''}
              width="20"
            />
          </section>
        ) : (
          <section aria-labelledby="who-heading">
            <h2 id="who-heading" className="heading-m">
              Who needs support
            </h2>
            <Radios
              name="forWhom"
              legend="Who are you asking for help for?"
              legendSize="s"
              error={e.forWhom}
              defaultValue={v.forWhom ?? null}
              items={[
                { value: 'self', label: 'Myself' },
                {
                  value: 'someone_i_care_for',
                  label: 'Someone I care for',
                  hint: 'Only if they know about this and agree to it. Fill in the rest of the form with their details.',
                  conditional: (
                    <>
                      <TextInput
                        id="carerName"
                        label="Your name"
                        autoComplete="name"
                        spellCheck={false}
                        error={e.carerName}
                        defaultValue={v.carerName ?? ''}
                      />
                      <TextInput
                        id="carerRelationship"
                        label="How are you connected to them? (optional)"
                        hint="For example, daughter, husband or neighbour"
                        error={e.carerRelationship}
                        defaultValue={v.carerRelationship ?? ''}
                        width="20"
                      />
                      <TextInput
                        id="carerPhone"
                        label="Your phone number (optional)"
                        type="tel"
                        autoComplete="tel"
                        error={e.carerPhone}
                        defaultValue={v.carerPhone ?? ''}
                        width="20"
                      />
                      <TextInput
                        id="carerEmail"
                        label="Your email address (optional)"
                        type="email"
                        autoComplete="email"
                        spellCheck={false}
                        error={e.carerEmail}
                        defaultValue={v.carerEmail ?? ''}
                      />
                    </>
                  ),
                },
              ]}
            />
          </section>
        )}

        <section aria-labelledby="person-heading">
          <h2 id="person-heading" className="heading-m">
            {pro ? 'About the person you are referring' : 'About the person who would like support'}
          </h2>
          <TextInput
            id="name"
            label="Full name"
            autoComplete={pro ? 'off' : 'name'}
            spellCheck={false}
            error={e.name}
            defaultValue={v.name ?? ''}
            width="two-thirds"
          />
          <DateInput
            idPrefix="dob"
            legend="Date of birth"
            hint="For example, 27 3 1950. If you do not know it, choose an age range below instead."
            error={e.dob}
            values={{ day: v.dobDay, month: v.dobMonth, year: v.dobYear }}
          />
          <Select
            id="ageBand"
            label="Age range (if you do not know the date of birth)"
            placeholder="Choose an age range"
            options={AGE_BANDS.map((value) => ({ value, label: AGE_BAND_LABELS[value] }))}
            error={e.ageBand}
            defaultValue={v.ageBand ?? ''}
          />
          <TextInput
            id="postcode"
            label="Postcode (optional)"
            hint="So we can suggest support nearby. Leave it blank if there is no fixed address."
            autoComplete={pro ? 'off' : 'postal-code'}
            spellCheck={false}
            autoCapitalize="characters"
            error={e.postcode}
            defaultValue={v.postcode ?? ''}
            width="10"
          />
          {gpPractices.length > 0 ? (
            <Select
              id="gpPracticeId"
              label="GP practice (optional)"
              placeholder="Not known or not listed"
              options={gpPractices}
              error={e.gpPracticeId}
              defaultValue={v.gpPracticeId ?? ''}
            />
          ) : null}
        </section>

        <section aria-labelledby="contact-heading">
          <h2 id="contact-heading" className="heading-m">
            How to get in touch
          </h2>
          <Radios
            name="preferredContact"
            legend={
              pro
                ? 'How would the person like a link worker to get in touch?'
                : 'How would you like a link worker to get in touch?'
            }
            legendSize="s"
            hint="A link worker helps people find local groups, activities and support that suit them."
            error={e.preferredContact}
            defaultValue={v.preferredContact ?? null}
            items={CONTACT_METHODS.map((value) => ({ value, label: CONTACT_METHOD_LABELS[value] }))}
          />
          <TextInput
            id="phone"
            label="Phone number"
            hint="Needed for a phone call or a text message. For a text message, give a mobile number."
            type="tel"
            autoComplete={pro ? 'off' : 'tel'}
            error={e.phone}
            defaultValue={v.phone ?? ''}
            width="20"
          />
          <TextInput
            id="email"
            label="Email address"
            hint="Needed if email is the best way to get in touch."
            type="email"
            autoComplete={pro ? 'off' : 'email'}
            spellCheck={false}
            error={e.email}
            defaultValue={v.email ?? ''}
            width="two-thirds"
          />
          <Checkboxes
            name="bestTimes"
            legend="When is the best time to get in touch? (optional)"
            legendSize="s"
            hint="Select all that apply."
            error={e.bestTimes}
            defaultValues={v.bestTimes ?? []}
            items={BEST_TIMES.map((value) => ({
              value,
              label: BEST_TIME_LABELS[value].label,
              hint: BEST_TIME_LABELS[value].hint,
            }))}
          />
          <Textarea
            id="contactNotes"
            label="Anything else about getting in touch (optional)"
            hint="For example, ‘please do not leave a voicemail’ or ‘speak to my daughter first’."
            rows={3}
            error={e.contactNotes}
            defaultValue={v.contactNotes ?? ''}
          />
        </section>

        <section aria-labelledby="matters-heading">
          <h2 id="matters-heading" className="heading-m">
            What matters
          </h2>
          <Textarea
            id="whatMatters"
            label={
              pro
                ? 'What matters to the person, and what would they like help with?'
                : 'What matters to you, and what would you like help with?'
            }
            hint={
              pro
                ? 'In their own words if you can: what they enjoy or used to enjoy, what is getting in the way, what they would like to change. Only include health details a link worker needs to know.'
                : 'In your own words: what you enjoy or used to enjoy, what is getting in the way, what you would like to change. If you are asking for someone you care for, use their words if you can.'
            }
            rows={6}
            error={e.whatMatters}
            defaultValue={v.whatMatters ?? ''}
          />
          {needs.length > 0 ? (
            <Checkboxes
              name="needs"
              legend={`What would ${pro ? 'they' : 'you'} like help with? (optional)`}
              legendSize="s"
              hint="Select all that apply."
              error={e.needs}
              defaultValues={v.needs ?? []}
              small
              items={needs.map((n) => ({ value: n.value, label: n.label }))}
            />
          ) : null}
        </section>

        <section aria-labelledby="agree-heading">
          <h2 id="agree-heading" className="heading-m">
            {pro ? 'What the person has agreed to' : 'What you agree to'}
          </h2>
          <p>
            We keep these details safe and use them only to help {them}. Read our{' '}
            <a href={privacyNoticeUrl} target="_blank" rel="noopener noreferrer">
              privacy notice (opens in new tab)
            </a>{' '}
            to see what we keep, who sees it and how to change your mind.
          </p>
          <Checkboxes
            name="consent"
            legend={pro ? 'Tick what the person has agreed to' : 'Tick what you agree to'}
            legendSize="s"
            hint={
              pro
                ? 'Only tick what they have said yes to. They can change their mind at any time.'
                : 'You can change your mind at any time.'
            }
            error={e.consent}
            defaultValues={v.consent ?? []}
            items={[
              {
                value: 'contact',
                label: pro
                  ? 'They know about this referral and agree to a link worker getting in touch'
                  : 'A link worker can get in touch about this, using the details above',
              },
              {
                value: 'share_with_provider',
                label:
                  'A link worker can share the name, contact details and what matters with a local group they suggest (optional)',
                hint: 'So the group can get in touch. Only with groups the link worker refers to, and only what the group needs.',
              },
              {
                value: 'tell_gp',
                label: 'A link worker can tell the GP practice how things went (optional)',
              },
            ]}
          />
        </section>

        {/* People never see this field; automated spam fills it in. */}
        <div aria-hidden="true" className="absolute left-[-10000px] top-auto h-px w-px overflow-hidden">
          <label htmlFor="website">Leave this empty</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>

        <Button disabled={pending}>{pro ? 'Send referral' : 'Send request'}</Button>
      </form>
    </>
  );
}
