'use client';

import { useFormAction } from '@/components/ui/use-form-action';
import { Button, ButtonGroup, Checkboxes, ErrorSummary } from '@/components/ui';
import { checkboxes, initialFormState, type FormState } from '@/lib/forms';
import type { MessageRoute } from '@/lib/notify/route';
import { SendDetailsChoice } from './SendDetailsChoice';

type Service = { id: string; name: string; organisationName: string };

type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  groups: ReadonlyArray<{ legend: string; services: readonly Service[] }>;
  routes: readonly MessageRoute[];
  preferred: MessageRoute['channel'] | null;
  cancelHref: string;
};

/** Choose services (from the case, or found in the directory) and send their details to the person. */
export function SendDetailsForm({ action, groups, routes, preferred, cancelHref }: Props) {
  const [state, formAction, pending] = useFormAction(action, initialFormState);
  const shown = groups.filter((g) => g.services.length > 0);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary state={state} order={['serviceIds', 'sendTo']} />
      {shown.map((g, i) => (
        <Checkboxes
          key={g.legend}
          {...checkboxes(state, 'serviceIds')}
          idPrefix={i === 0 ? 'serviceIds' : `serviceIds-group-${i + 1}`}
          error={i === 0 ? checkboxes(state, 'serviceIds').error : undefined}
          legend={g.legend}
          legendSize="s"
          small
          items={g.services.map((s) => ({ value: s.id, label: s.name, hint: s.organisationName }))}
        />
      ))}
      <SendDetailsChoice
        state={state}
        routes={routes}
        preferred={preferred ?? routes[0]?.channel ?? 'none'}
        legend="How to send them"
      />
      <ButtonGroup>
        <Button disabled={pending}>Send details</Button>
        <a href={cancelHref}>Cancel</a>
      </ButtonGroup>
    </form>
  );
}
