import { signOutAction } from '@/lib/auth/actions';

/** A form button, so signing out works without JavaScript and cannot be triggered by a link. */
export function SignOutButton({ className = 'site-nav__button' }: { className?: string }) {
  return (
    <form action={signOutAction} className="inline">
      <button type="submit" className={className}>
        Sign out
      </button>
    </form>
  );
}
