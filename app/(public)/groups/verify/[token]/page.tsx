import type { Metadata } from 'next';
import { Button } from '@/components/ui';
import { Link } from '@/components/ui/Link';
import { db } from '@/lib/db/client';
import { peekToken } from '@/lib/tokens';
import { VERIFY_PURPOSE } from '@/lib/organisations';
import { verifyEmailAction } from '../../actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Confirm your email address', robots: { index: false, follow: false } };

export default async function VerifyPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const live = await peekToken(db(), token, VERIFY_PURPOSE);
  if (!live) {
    return (
      <div className="max-w-2xl">
        <h1 className="heading-l">This link has already been used or has expired</h1>
        <p>
          If you have already confirmed your address, <Link href="/sign-in">sign in</Link>. Otherwise, register again or contact
          us.
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-2xl">
      <h1 className="heading-l">Confirm your email address</h1>
      <p>Confirm this is your email address to switch on your account. You can then sign in and add your group’s activities.</p>
      <form action={verifyEmailAction}>
        <input type="hidden" name="token" value={token} />
        <Button>Confirm my email address</Button>
      </form>
    </div>
  );
}
