import { Button } from '@/components/ui/Button';
import { signInFinishSetUpAction } from '@/lib/auth/two-step/actions';

/** After the recovery codes, during sign-in: on to the service. */
export function FinishSetUp() {
  return (
    <form action={signInFinishSetUpAction}>
      <Button>I have saved these codes</Button>
    </form>
  );
}
