import type { TagColour } from '@/components/ui/Tag';
import type { ReferralStatus } from '@/lib/db/generated/enums';

const colours: Record<ReferralStatus, TagColour> = {
  draft: 'grey',
  sent: 'blue',
  accepted: 'green',
  declined: 'red',
  withdrawn: 'grey',
  expired: 'orange',
  waitlisted: 'yellow',
  attending: 'turquoise',
  did_not_attend: 'pink',
  completed: 'purple',
};

/** The tag colour for a referral status (the tag's text always says the status). */
export function referralTagColour(status: ReferralStatus): TagColour {
  return colours[status];
}
