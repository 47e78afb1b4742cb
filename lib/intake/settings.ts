// Intake settings, read from the environment with their defaults. (.env.example lists them.)

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number above 0`);
  return value;
}

export const intakeSettings = {
  /**
   * The team whose coordinators triage referrals from the public forms: a team's name or id.
   * Unset: the first team (oldest, then by name). See docs/decisions/0006-referral-intake.md.
   */
  get intakeTeam(): string | null {
    const raw = (process.env.INTAKE_TEAM ?? '').trim();
    return raw === '' ? null : raw;
  },
  /** Referrals one address (IP) may send per hour, across both public forms. */
  get perIpPerHour(): number {
    return int('REFERRAL_RATE_PER_HOUR', 20);
  },
};
