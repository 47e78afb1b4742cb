export type JoinValues = {
  organisationName: string;
  description: string;
  charityNumber: string;
  companyNumber: string;
  website: string;
  organisationPhone: string;
  contactName: string;
  email: string;
  confirm: string;
};

/** The sign-up form's state: what was typed (never the password) and a message per field. */
export type JoinFormState = { values: Partial<JoinValues>; errors: Record<string, string> };

export type InviteFormState = { values: { name?: string; email?: string }; errors: Record<string, string>; done?: string };

export type PasswordFormState = { errors: Record<string, string> };

/** A group's details form: what was typed, a message per field, the version being edited. */
export type OrganisationFormState = {
  values: Record<string, string>;
  errors: Record<string, string>;
  version: number | null;
  /** Someone else saved first: the fields they changed and their values now. */
  conflict?: Array<{ label: string; now: string }>;
};
