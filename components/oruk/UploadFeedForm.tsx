'use client';

import { Button, ButtonGroup, ErrorMessage, ErrorSummary, Hint, TextInput } from '@/components/ui';
import { useFormAction } from '@/components/ui/use-form-action';
import { field, initialFormState, type FormState } from '@/lib/forms';

/** A feed as a file: a zip of the standard's CSV tables, or JSON. Dry run first, then import. */
export function UploadFeedForm({ action }: { action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useFormAction(action, initialFormState);
  const fileError = state.fieldErrors?.file?.[0];
  return (
    <form action={formAction} noValidate>
      <ErrorSummary state={state} order={['name', 'file']} ids={{ name: 'upload-name' }} />
      <TextInput
        {...field(state, 'name')}
        id="upload-name"
        label="Where it comes from"
        hint="Records are kept under this name: uploading the same directory again updates them"
        width="two-thirds"
      />
      <div className={fileError ? 'form-group form-group--error' : 'form-group'}>
        <label className="label" htmlFor="file">
          File
        </label>
        <Hint id="file-hint">A zip of Open Referral UK CSV files (services.csv and the rest), or a JSON file of services</Hint>
        {fileError ? <ErrorMessage id="file-error">{fileError}</ErrorMessage> : null}
        <input
          className="file-upload"
          id="file"
          name="file"
          type="file"
          accept=".zip,.json,application/zip,application/json"
          aria-describedby={fileError ? 'file-hint file-error' : 'file-hint'}
        />
      </div>
      <ButtonGroup>
        <Button name="mode" value="dry-run" disabled={pending}>
          Dry run
        </Button>
        <Button name="mode" value="apply" variant="secondary" disabled={pending}>
          Import
        </Button>
      </ButtonGroup>
    </form>
  );
}
