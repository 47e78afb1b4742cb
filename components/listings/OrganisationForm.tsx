'use client';

import { useFormAction } from '@/components/ui/use-form-action';
import { Button, ErrorSummary, Textarea, TextInput } from '@/components/ui';
import type { FormState } from '@/lib/forms';
import type { OrganisationValues } from '@/lib/organisations/details';
import { ConflictSummary } from './ConflictSummary';

const ORDER = ['name', 'description', 'email', 'phone', 'website', 'charityNumber', 'companyNumber'];
const CHECKED = 'Changes to this are checked by a coordinator before they show.';

export type OrganisationFormProps = {
  action: (prev: FormState<OrganisationValues>, form: FormData) => Promise<FormState<OrganisationValues>>;
  initial: FormState<OrganisationValues>;
  /** Prefixes the controls' ids, so two groups' forms (or the invitation form) can share a page. */
  idPrefix: string;
  /** Name the fields a coordinator checks in their hints. */
  moderatedHint: boolean;
};

/** A group's own details: what the public reads about it beside each of its listings. */
export function OrganisationForm({ action, initial, idPrefix, moderatedHint }: OrganisationFormProps) {
  const [state, formAction, pending] = useFormAction(action, initial);
  const v = state.values;
  const e = state.fieldErrors;
  const id = (f: string) => `${idPrefix}${f}`;
  const checked = moderatedHint ? CHECKED : undefined;
  const withChecked = (text: string) => (checked ? `${text} ${checked}` : text);

  return (
    <form action={formAction} noValidate>
      <ErrorSummary state={state} order={ORDER} idPrefix={idPrefix} />
      {state.conflict ? (
        <ConflictSummary
          title="Someone else changed these details while you were editing"
          intro="These are now different from what you have entered:"
          changes={state.conflict}
        />
      ) : null}
      <input type="hidden" name="version" value={state.version ?? ''} />
      <TextInput
        id={id('name')}
        name="name"
        label="Name of the group"
        hint={checked}
        error={e.name}
        defaultValue={v.name}
        autoComplete="organization"
      />
      <Textarea
        id={id('description')}
        name="description"
        label="About the group (optional)"
        hint={withChecked('A sentence or two about who you are. People see it beside each of your activities.')}
        error={e.description}
        defaultValue={v.description}
        rows={4}
      />
      <h3 className="heading-s">How people contact the group</h3>
      <p className="hint">Shown when an activity has no contact details of its own. {checked}</p>
      <TextInput
        id={id('email')}
        name="email"
        label="Email address (optional)"
        type="email"
        spellCheck={false}
        autoComplete="off"
        error={e.email}
        defaultValue={v.email}
        width="two-thirds"
      />
      <TextInput
        id={id('phone')}
        name="phone"
        label="Phone number (optional)"
        type="tel"
        autoComplete="off"
        error={e.phone}
        defaultValue={v.phone}
        width="20"
      />
      <TextInput
        id={id('website')}
        name="website"
        label="Website (optional)"
        hint="For example www.example.org"
        spellCheck={false}
        autoComplete="off"
        error={e.website}
        defaultValue={v.website}
        width="two-thirds"
      />
      <h3 className="heading-s">Registration</h3>
      <TextInput
        id={id('charityNumber')}
        name="charityNumber"
        label="Charity number (optional)"
        error={e.charityNumber}
        defaultValue={v.charityNumber}
        width="10"
        inputMode="numeric"
      />
      <TextInput
        id={id('companyNumber')}
        name="companyNumber"
        label="Company number (optional)"
        error={e.companyNumber}
        defaultValue={v.companyNumber}
        width="10"
      />
      <Button aria-disabled={pending || undefined}>Save the group’s details</Button>
    </form>
  );
}
