import type { Metadata } from 'next';
import { JoinGroupForm } from '@/components/listings/JoinGroupForm';
import { InsetText } from '@/components/ui';
import { Link } from '@/components/ui/Link';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { config } from '@/lib/config';
import { joinAction } from './actions';

export const metadata: Metadata = { title: 'List your group' };

export default function JoinPage() {
  return (
    <div className="max-w-[40em]">
      <h1 className="heading-l">List your group for free</h1>
      <p>
        {config.borough.serviceName} is a free directory of community groups and activities in {config.borough.name}. People find
        you, and link workers (who help people find local support) can refer people to you.
      </p>
      <p>After you register:</p>
      <ol className="list-number">
        <li>confirm your email address from the link we send you</li>
        <li>add your activities: when, where, who they are for</li>
        <li>a coordinator checks your group and your listings, usually within a few working days, then publishes them</li>
      </ol>
      <InsetText>
        Already registered? <Link href="/sign-in?callbackUrl=%2Fprovider%2Flistings">Sign in</Link>. Is your group listed already?
        Ask the person who registered it to add you.
      </InsetText>
      <JoinGroupForm action={joinAction} minPassword={MIN_PASSWORD_LENGTH} />
    </div>
  );
}
