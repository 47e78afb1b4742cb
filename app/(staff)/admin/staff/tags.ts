import type { TagColour } from '@/components/ui/Tag';
import type { StaffStatus } from '@/lib/staff/schema';

export const statusTagColour: Record<StaffStatus, TagColour> = { active: 'green', invited: 'blue', off: 'grey' };
