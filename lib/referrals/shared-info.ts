// What the person agreed to share, as label/value rows for the provider. The referral keeps a copy
// taken when it was sent; unknown keys still show, with a readable label.
const labels: Record<string, string> = {
  name: 'Name',
  preferredName: 'Preferred name',
  phone: 'Phone',
  email: 'Email',
  preferredContact: 'How they would like to be contacted',
  contactNotes: 'When and how to contact them',
  ageBand: 'Age',
  age: 'Age',
  dateOfBirth: 'Date of birth',
  postcode: 'Postcode',
  address: 'Address',
  whatMatters: 'What matters to them',
  needs: 'What they would like help with',
  goals: 'What they would like to achieve',
  accessNeeds: 'Access needs',
  languages: 'Languages',
  gpPractice: 'GP practice',
};

const contactMethods: Record<string, string> = { phone: 'Phone call', email: 'Email', text: 'Text message', letter: 'Letter' };

function humanise(key: string): string {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) {
    const items = value.map(text).filter((v): v is string => !!v);
    return items.length ? items.join(', ') : null;
  }
  if (typeof value === 'object') {
    const named = (value as { name?: unknown; label?: unknown }).name ?? (value as { label?: unknown }).label;
    return typeof named === 'string' ? named : null;
  }
  const s = String(value).trim();
  return s === '' ? null : s;
}

export type SharedRow = { key: string; label: string; value: string };

/** Who a provider asks about a referral: the link worker who sent it, and their team. */
export type ReferralContact = {
  workerName: string;
  workerEmail: string;
  teamName: string;
  teamEmail: string | null;
  teamPhone: string | null;
};

/** The contact from a referral read with its sender and the case's team. */
export function referralContactOf(r: {
  createdBy: { name: string; email: string };
  case: { team: { name: string; email: string | null; phone: string | null } };
}): ReferralContact {
  return {
    workerName: r.createdBy.name,
    workerEmail: r.createdBy.email,
    teamName: r.case.team.name,
    teamEmail: r.case.team.email,
    teamPhone: r.case.team.phone,
  };
}

export function describeSharedInfo(shared: unknown): SharedRow[] {
  if (!shared || typeof shared !== 'object' || Array.isArray(shared)) return [];
  const rows: SharedRow[] = [];
  for (const [key, raw] of Object.entries(shared as Record<string, unknown>)) {
    let value = text(raw);
    if (value === null) continue;
    if (key === 'preferredContact') value = contactMethods[value] ?? value;
    rows.push({ key, label: labels[key] ?? humanise(key), value });
  }
  // Known fields in a fixed, sensible order; anything else after them.
  const order = Object.keys(labels);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return rows.sort((a, b) => rank(a.key) - rank(b.key));
}
