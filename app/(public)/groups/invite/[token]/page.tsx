import type { Metadata } from 'next';
import { Button, ErrorSummary, SummaryList, TextInput } from '@/components/ui';
import { Link } from '@/components/ui/Link';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { db } from '@/lib/db/client';
import { fieldErrorsOf } from '@/lib/forms/state';
import { loadInvite } from '@/lib/organisations';
import { acceptInviteAction } from '../../actions';
import { cleanQuery } from '@/lib/forms';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Set your password', robots: { index: false, follow: false } };

export default async function InvitePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await params;
  const error =
    cleanQuery(await searchParams).error === 'password'
      ? `Enter a password of at least ${MIN_PASSWORD_LENGTH} characters`
      : undefined;
  const invite = await loadInvite(db(), token);
  if (!invite.ok) {
    return (
      <div className="max-w-2xl">
        <h1 className="heading-l">This link has already been used or has expired</h1>
        <p>
          If you have already set your password, <Link href="/sign-in">sign in</Link>. Otherwise ask the person who added you to
          add you again.
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-2xl">
      <ErrorSummary state={{ fieldErrors: fieldErrorsOf({ password: error }) }} />
      <span className="caption-l">{invite.organisationName}</span>
      <h1 className="heading-l">Set your password</h1>
      <SummaryList
        rows={[
          { key: 'Name', value: invite.name },
          { key: 'Email address', value: invite.email },
        ]}
      />
      <form action={acceptInviteAction} noValidate>
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="username" value={invite.email} autoComplete="username" />
        <TextInput
          id="password"
          label="Create a password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words are easy to remember and hard to guess.`}
          type="password"
          autoComplete="new-password"
          error={fieldErrorsOf({ password: error }).password}
          width="two-thirds"
        />
        <Button>Set password and continue</Button>
      </form>
    </div>
  );
}
