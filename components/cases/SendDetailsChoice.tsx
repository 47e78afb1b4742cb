import { Radios } from '@/components/ui';
import { radios, type FormState } from '@/lib/forms';
import type { MessageRoute } from '@/lib/notify/route';

type Props = {
  state: FormState;
  /** Where the person's record lets a message go, their preferred way first. */
  routes: readonly MessageRoute[];
  /** The way chosen before anything is posted; "none" offers not sending. */
  preferred: MessageRoute['channel'] | 'none';
  legend: string;
  /** Offer "Do not send them" as well. */
  optional?: boolean;
};

/** How to send a person the details of services: by email, by text, or (optionally) not at all. */
export function SendDetailsChoice({ state, routes, preferred, legend, optional = false }: Props) {
  const items = [
    ...routes.map((r) => ({
      value: r.channel,
      label: r.channel === 'email' ? `By email to ${r.to}` : `By text message to ${r.to}`,
      hint: r.channel === 'sms' ? 'One text for each service, each no longer than two text messages.' : undefined,
    })),
    ...(optional ? [{ value: 'none', label: 'Do not send them' }] : []),
  ];
  return <Radios {...radios(state, 'sendTo', { fallback: preferred })} legend={legend} legendSize="s" small items={items} />;
}
