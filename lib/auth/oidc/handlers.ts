// The two routes of single sign-on (app/(public)/sign-in/oidc): cookies and redirects around the
// plain functions in ./flow.ts.
import 'server-only';
import type { Route } from 'next';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { db } from '@/lib/db/client';
import { config } from '@/lib/config';
import { logError } from '@/lib/log/logger';
import { issueSession } from '../issue-session';
import { roleHome } from '../roles';
import { beginTwoStep, twoStepKey } from '../two-step/flow';
import { deriveKey } from '../two-step/keys';
import { oidcClient } from './client';
import { finishOidc, nextStepAfterOidc, startOidc } from './flow';
import { NOTICE_SECONDS, STATE_SECONDS, openNotice, sealNotice } from './state';

function cookieNames() {
  const secure = config.baseUrl.startsWith('https://');
  // Lax: the provider sends the browser back with a top-level GET, which carries Lax cookies.
  const options = { httpOnly: true, sameSite: 'lax' as const, path: '/', secure };
  return { state: secure ? '__Host-cc_oidc' : 'cc_oidc', notice: secure ? '__Host-cc_oidc_notice' : 'cc_oidc_notice', options };
}

const oidcKey = async () => deriveKey(await twoStepKey(), 'oidc');

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });

/** GET /sign-in/oidc: off to the identity provider, with this sign-in's state in a sealed cookie. */
export async function startOidcRoute(request: Request): Promise<Response> {
  const settings = config.oidc;
  if (!settings) return notFound();
  let started: Awaited<ReturnType<typeof startOidc>>;
  try {
    const callbackUrl = new URL(request.url).searchParams.get('callbackUrl');
    started = await startOidc(await oidcClient(settings), settings, { key: await oidcKey(), callbackUrl, now: new Date() });
  } catch (error) {
    logError(error, {}, 'Single sign-on: the identity provider could not be reached');
    redirect('/sign-in?reason=oidc-failed' as Route);
  }
  const { state, options } = cookieNames();
  (await cookies()).set(state, started.cookie, { ...options, maxAge: STATE_SECONDS });
  redirect(started.url.toString() as Route);
}

/** GET /sign-in/oidc/callback: the provider's answer, to a session, the second step or the sign-in page. */
export async function oidcCallbackRoute(request: Request): Promise<Response> {
  const settings = config.oidc;
  if (!settings) return notFound();
  const jar = await cookies();
  const names = cookieNames();
  const cookie = jar.get(names.state)?.value;
  // One answer per sign-in: the state cannot be used twice.
  jar.set(names.state, '', { ...names.options, maxAge: 0 });

  const now = new Date();
  const key = await oidcKey();
  let outcome: Awaited<ReturnType<typeof finishOidc>>;
  try {
    const params = new URL(request.url).searchParams;
    outcome = await finishOidc(db(), await oidcClient(settings), settings, { params, cookie, key, now });
  } catch (error) {
    logError(error, {}, 'Single sign-on: the sign-in could not be finished');
    redirect('/sign-in?reason=oidc-failed' as Route);
  }
  if (!outcome.ok) {
    if (outcome.reason === 'no-account')
      jar.set(names.notice, sealNotice(key, outcome.email, now), { ...names.options, maxAge: NOTICE_SECONDS });
    redirect(`/sign-in?reason=oidc-${outcome.reason}` as Route);
  }

  const { user } = outcome;
  if ((await nextStepAfterOidc(db(), outcome, settings)) === 'two-step') await beginTwoStep(user.id, outcome.callbackUrl);
  await issueSession(user.id, now);
  redirect(outcome.callbackUrl ?? roleHome(user.role));
}

/** The e-mail address a refused single sign-on named, for the sign-in page (for two minutes). */
export async function oidcNoticeEmail(): Promise<string | null> {
  const token = (await cookies()).get(cookieNames().notice)?.value;
  return token ? openNotice(await oidcKey(), token, new Date()) : null;
}
