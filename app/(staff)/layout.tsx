import type { ReactNode } from 'react';
import { SessionGuard } from '@/components/auth/SessionGuard';
import { getSession, requireUser } from '@/lib/auth/session';

// Every staff page needs someone signed in; each page then checks the role it serves. The guard
// warns before the session times out and lets a form sent after it ended sign in again and save.
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const session = await getSession();
  return (
    <SessionGuard email={user.email} secondsLeft={session?.secondsLeft ?? 0}>
      {children}
    </SessionGuard>
  );
}
