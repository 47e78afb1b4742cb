'use client';

import { Button, ErrorSummary } from '@/components/ui';
import { useFormAction } from '@/components/ui/use-form-action';
import { initialFormState, type FormState } from '@/lib/forms';

/** Uploads the service's logo (PNG, JPEG or SVG); the header shows it with the service's name as its text. */
export function LogoForm({ action, maxKb }: { action: (prev: FormState, form: FormData) => Promise<FormState>; maxKb: number }) {
  const [state, formAction, pending] = useFormAction(action, initialFormState);
  const error = state.fieldErrors.logo?.[0];
  return (
    <>
      <ErrorSummary state={state} order={['logo']} />
      <form action={formAction} className="max-w-3xl">
        <div className={error ? 'form-group form-group--error' : 'form-group'}>
          <label className="label" htmlFor="logo">
            Upload a logo
          </label>
          <div className="hint" id="logo-hint">
            A PNG, JPEG or SVG image, smaller than {maxKb} KB. The header shows it on a black background instead of the name of
            the service, and screen readers read out the name.
          </div>
          {error ? (
            <p className="error-message" id="logo-error">
              <span className="visually-hidden">Error:</span> {error}
            </p>
          ) : null}
          <input
            className="file-upload"
            id="logo"
            name="logo"
            type="file"
            accept="image/png,image/jpeg,image/svg+xml"
            aria-describedby={error ? 'logo-hint logo-error' : 'logo-hint'}
          />
        </div>
        <Button variant="secondary" aria-disabled={pending || undefined}>
          Upload logo
        </Button>
      </form>
    </>
  );
}
