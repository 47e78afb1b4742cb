// Intake settings (lib/config/env.ts reads and checks them; .env.example lists them).
import { env } from '@/lib/config';

export const intakeSettings = {
  /**
   * The team whose coordinators triage referrals from the public forms: a team's name or id.
   * Unset: the first team (oldest, then by name). See docs/decisions/0006-referral-intake.md.
   */
  get intakeTeam(): string | null {
    return env().INTAKE_TEAM ?? null;
  },
  /** Referrals one address (IP) may send per hour, across both public forms. */
  get perIpPerHour(): number {
    return env().REFERRAL_RATE_PER_HOUR;
  },
};
