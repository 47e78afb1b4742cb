import type { Metadata } from 'next';
import { Link } from '@/components/ui/Link';

export const metadata: Metadata = { title: 'You do not have permission to see this page' };

export default function Forbidden() {
  return (
    <>
      <h1 className="heading-l">You do not have permission to see this page</h1>
      <p>Your account is signed in, but its role does not give access to this page or record.</p>
      <p>If you think you need access for your work, ask your team&apos;s coordinator or the service administrator.</p>
      <p>
        <Link href="/home">Go to your home page</Link> or <Link href="/">go to the start page</Link>.
      </p>
    </>
  );
}
