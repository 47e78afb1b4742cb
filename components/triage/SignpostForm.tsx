'use client';

import { useFormAction } from '@/components/ui/use-form-action';
import { Button, Checkboxes, ErrorSummary, Textarea } from '@/components/ui';
import { SendDetailsChoice } from '@/components/cases/SendDetailsChoice';
import { checkboxes, field, initialFormState, type FormState } from '@/lib/forms';
import type { MessageRoute } from '@/lib/notify/route';
import { formatMiles, metresToMiles } from '@/lib/geo/distance';

type Candidate = {
  id: string;
  name: string;
  organisationName: string;
  capacity: 'open' | 'waiting_list' | 'full';
  distanceMetres: number | null;
};

type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  caseId: string;
  version: number;
  candidates: readonly Candidate[];
  /** Why these services are listed, said above them. */
  legend: string;
  /** Where the person's record lets the services' details go, their preferred way first. */
  routes: readonly MessageRoute[];
  /** The way they asked to be contacted, if it is one of those. */
  preferred: MessageRoute['channel'] | null;
};

const capacity: Record<Candidate['capacity'], string> = { open: 'Has space', waiting_list: 'Waiting list', full: 'Full' };

export function SignpostForm({ action, caseId, version, candidates, legend, routes, preferred }: Props) {
  const [state, formAction, pending] = useFormAction(action, initialFormState);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary
        state={state}
        order={['serviceIds', 'note', 'sendTo']}
        ids={{ caseId: 'serviceIds', version: 'serviceIds' }}
      />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={version} />
      <Checkboxes
        {...checkboxes(state, 'serviceIds')}
        legend={legend}
        legendSize="s"
        hint="Select the services you suggested to the person."
        small
        items={candidates.map((c) => ({
          value: c.id,
          label: c.name,
          hint: `${c.organisationName}. ${capacity[c.capacity]}.${c.distanceMetres === null ? '' : ` ${formatMiles(metresToMiles(c.distanceMetres))} away.`}`,
        }))}
      />
      <Textarea
        {...field(state, 'note')}
        label="Note (optional)"
        hint="For example, what you talked about. This closes the case as resolved at first contact."
        rows={3}
      />
      {routes.length ? (
        <SendDetailsChoice
          state={state}
          routes={routes}
          preferred={preferred ?? 'none'}
          legend="Send them the details of these services?"
          optional
        />
      ) : (
        <p>There is no email address or mobile number on their record, so the details cannot be sent to them.</p>
      )}
      <Button variant="secondary" disabled={pending}>
        Close as signposted
      </Button>
    </form>
  );
}
