'use client';

import { useActionState } from 'react';
import { Button, Checkboxes, ErrorSummary, Radios, Select, TextInput } from '@/components/ui';
import { checkboxes, field, formState, radios, type FormState, type FormValues } from '@/lib/forms';

type Option = { value: string; label: string };

/**
 * Invites a member of staff (name and e-mail first) or changes an account's role, team and groups.
 * A coordinator's form has the role and team fixed: they manage their own team's link workers only.
 */
export function StaffForm({
  action,
  mode,
  initial,
  roles,
  teams,
  organisations,
  memberships = [],
  fixed,
  submitLabel,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  mode: 'invite' | 'edit';
  initial: FormValues;
  roles: readonly Option[];
  teams: readonly Option[];
  organisations: readonly Option[];
  /** The groups the account is in now (edit only). */
  memberships?: readonly Option[];
  /** Role and team a coordinator cannot change, shown as text. */
  fixed?: { role: Option; team: Option };
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, formState(initial, { version: Number(initial.version) || null }));
  const order = ['name', 'email', 'role', 'teamId', 'organisationId', 'keepOrganisationIds', 'addOrganisationId'];
  return (
    <>
      <ErrorSummary state={state} order={order} />
      <form action={formAction} noValidate className="max-w-2xl">
        {mode === 'edit' ? <input type="hidden" name="version" value={String(state.version ?? initial.version ?? '')} /> : null}
        {mode === 'invite' ? (
          <>
            <TextInput {...field(state, 'name')} label="Full name" autoComplete="off" spellCheck={false} width="two-thirds" />
            <TextInput
              {...field(state, 'email')}
              label="Email address"
              hint="We will send the invite here. Use their work address."
              type="email"
              autoComplete="off"
              spellCheck={false}
              width="two-thirds"
            />
          </>
        ) : null}
        {fixed ? (
          <>
            <input type="hidden" name="role" value={fixed.role.value} />
            <input type="hidden" name="teamId" value={fixed.team.value} />
            <p>
              Role: <strong>{fixed.role.label}</strong>
              <br />
              Team: <strong>{fixed.team.label}</strong>
            </p>
          </>
        ) : (
          <>
            <Radios {...radios(state, 'role')} legend="Role" legendSize="m" items={roles} />
            <Select
              {...field(state, 'teamId')}
              label="Team"
              hint="Link workers and coordinators work in a team"
              options={[{ value: '', label: 'No team' }, ...teams]}
            />
            {mode === 'invite' ? (
              <Select
                {...field(state, 'organisationId')}
                label="Group (providers only)"
                hint="A provider manages the listings of the groups they belong to"
                options={[{ value: '', label: 'No group' }, ...organisations]}
              />
            ) : (
              <>
                {memberships.length ? (
                  <Checkboxes
                    {...checkboxes(state, 'keepOrganisationIds')}
                    legend="Groups (providers only)"
                    legendSize="s"
                    hint="Untick a group to take them out of it"
                    items={memberships}
                  />
                ) : null}
                <Select
                  {...field(state, 'addOrganisationId')}
                  label="Add to a group (providers only)"
                  options={[{ value: '', label: 'No, do not add a group' }, ...organisations]}
                />
              </>
            )}
          </>
        )}
        <Button aria-disabled={pending || undefined}>{submitLabel}</Button>
      </form>
    </>
  );
}
