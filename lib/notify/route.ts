// How a person asked to hear from us, as somewhere a message can go: an email address, a mobile
// number for texts, or nowhere (they asked for a call or a letter, or gave no address or number).
import { isMobileNumber } from '../forms/phone';

/** What a worker chooses on a form: send by email, by text, or not at all. The address is never posted. */
export const SEND_CHOICES = ['email', 'sms', 'none'] as const;
export type SendChoice = (typeof SEND_CHOICES)[number];

export type MessageRoute = { channel: 'email'; to: string } | { channel: 'sms'; to: string };

export type ContactDetails = {
  preferredContact: 'phone' | 'email' | 'text' | 'letter';
  email: string | null;
  phone: string | null;
};

export function messageRoute(p: ContactDetails): MessageRoute | null {
  const email = p.email?.trim();
  const phone = p.phone?.trim();
  if (p.preferredContact === 'email' && email) return { channel: 'email', to: email };
  if (p.preferredContact === 'text' && phone && isMobileNumber(phone)) return { channel: 'sms', to: phone };
  return null;
}

/** Every route the person's details allow, their preferred one first (for a worker to choose from). */
export function messageRoutes(
  p: Omit<ContactDetails, 'preferredContact'> & { preferredContact?: ContactDetails['preferredContact'] },
) {
  const routes: MessageRoute[] = [];
  const email = p.email?.trim();
  const phone = p.phone?.trim();
  if (email) routes.push({ channel: 'email', to: email });
  if (phone && isMobileNumber(phone)) routes.push({ channel: 'sms', to: phone });
  return p.preferredContact === 'text' ? routes.reverse() : routes;
}
