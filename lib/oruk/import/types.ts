// One service as read from a feed, whatever its version (v1 or v3), before it meets our model.
// ./map.ts builds it from the feed's JSON; ./apply.ts writes it.
import type { ScheduleSnapshot } from '@/lib/listings/schedule-slots';

export type OrukVersion = 'v1' | 'v3';

export type FeedTerm = { vocabulary: string; code: string; label: string };

export type FeedOrganisation = {
  sourceId: string;
  name: string;
  description: string;
  email: string | null;
  website: string | null;
  phone: string | null;
  charityNumber: string | null;
  companyNumber: string | null;
};

export type FeedLocation = {
  sourceId: string;
  name: string | null;
  description: string | null;
  address1: string;
  address2: string | null;
  city: string;
  /** Normalised ("EB1 2AB") when it is a real postcode, otherwise as the feed wrote it. */
  postcode: string;
  latitude: number | null;
  longitude: number | null;
  accessibility: string[];
};

export type FeedService = {
  sourceId: string;
  name: string;
  description: string;
  url: string | null;
  email: string | null;
  phone: string | null;
  contactName: string | null;
  status: 'active' | 'inactive' | 'defunct' | 'temporarily_closed';
  minimumAge: number | null;
  maximumAge: number | null;
  eligibility: string | null;
  isFree: boolean;
  costDescription: string | null;
  languages: string[];
  deliveryModes: Array<'in_person' | 'online' | 'phone'>;
  alert: string | null;
  /** "YYYY-MM-DD": the feed's last check (assured_date). */
  assuredDate: string | null;
  assurerEmail: string | null;
  organisation: FeedOrganisation;
  locations: FeedLocation[];
  schedules: ScheduleSnapshot[];
  terms: FeedTerm[];
  /** What could not be carried over, in words (a schedule our model cannot hold, say). */
  warnings: string[];
};

/** A record the feed gave us: its JSON, or why it could not be read. */
export type RawRecord = { id: string; value: unknown } | { id: string; error: string };
