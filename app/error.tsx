'use client';

import { Button } from '@/components/ui/Button';
import { Link } from '@/components/ui/Link';

function digestOf(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'digest' in error) {
    const digest = (error as { digest?: unknown }).digest;
    return typeof digest === 'string' ? digest : undefined;
  }
  return undefined;
}

/** A calm page for an unexpected failure: no stack or message, only a reference that matches the server log. */
export default function ErrorPage({ error, retry, reset }: { error: unknown; retry?: () => void; reset?: () => void }) {
  const digest = digestOf(error);
  const tryAgain = retry ?? reset;
  return (
    <>
      <title>Sorry, there is a problem with the service</title>
      <h1 className="heading-l">Sorry, there is a problem with the service</h1>
      <p>Try again later. If you were signed in, you still are.</p>
      <p>Anything you entered on the last page may not have been saved. Check before you enter it again.</p>
      {digest ? (
        <p>
          If you contact us about this, tell us this reference: <strong className="break-all">{digest}</strong>
        </p>
      ) : null}
      {tryAgain ? (
        <Button type="button" variant="secondary" onClick={() => tryAgain()}>
          Try again
        </Button>
      ) : null}
      <p>
        <Link href="/">Go to the home page</Link>
      </p>
    </>
  );
}
