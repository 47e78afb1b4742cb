import type { ReactNode } from 'react';
import { requireUser } from '@/lib/auth/session';

// Every staff page needs someone signed in; each page then checks the role it serves.
export default async function StaffLayout({ children }: { children: ReactNode }) {
  await requireUser();
  return <>{children}</>;
}
