import { redirect } from 'next/navigation';
import { getSessionUser, roleHome } from '@/lib/auth/session';

/** "My home": wherever this person's role starts its day. */
export default async function HomeRedirect() {
  const user = await getSessionUser();
  redirect(user ? roleHome(user.role) : '/sign-in?callbackUrl=%2Fhome');
}
