import type { FieldErrors, ListingValues } from './schema';

/** What the editor's action gives back to the form (useActionState). */
export type ListingFormState = {
  values: ListingValues;
  /** Messages keyed by the id of the control they belong to; `form` for the form as a whole. */
  errors: FieldErrors;
  /** The version the form is editing: sent back with the next save so a conflict can be seen. */
  version: number | null;
  /** Someone else saved first: the fields they changed and their values now. */
  conflict?: Array<{ label: string; now: string }>;
  /** A short message after a button that does not save (added a time, found a postcode). */
  notice?: string;
  /** The control to move to next (after adding a time). */
  focus?: string;
};
