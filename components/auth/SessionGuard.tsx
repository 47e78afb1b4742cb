'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useCallback, useEffect, useEffectEvent, useRef, useState, type ReactNode } from 'react';
import { Button, ButtonGroup } from '@/components/ui/Button';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { TextInput } from '@/components/ui/TextInput';
import { SignInAgainContext, type AskToSignInAgain } from '@/components/ui/use-form-action';
import { sessionTimeLeftAction, signInAgainAction, signOutAction, staySignedInAction } from '@/lib/auth/actions';
import { field, initialFormState } from '@/lib/forms';

/** The warning opens this long before the session's idle limit (GOV.UK's timeout warning). */
const WARN_SECONDS = 120;

type Props = {
  /** The signed-in person's e-mail, to fill in when they are asked to sign in again. */
  email: string;
  /** Seconds left in the session when the page was made. */
  secondsLeft: number;
  children: ReactNode;
};

/**
 * Around every staff page: warns two minutes before the session times out for inactivity, and
 * lets a form whose session has ended sign in again on the page and be sent again
 * (components/ui/use-form-action.ts).
 */
export function SessionGuard({ email, secondsLeft, children }: Props) {
  const [resubmit, setResubmit] = useState<(() => void) | null>(null);
  const [restarted, setRestarted] = useState(0);
  const ask = useCallback<AskToSignInAgain>((send) => setResubmit(() => send), []);
  return (
    <SignInAgainContext.Provider value={ask}>
      {children}
      <TimeoutWarning key={restarted} initialSecondsLeft={secondsLeft} paused={resubmit !== null} />
      {resubmit ? (
        <SignInAgainDialog
          email={email}
          onCancel={() => setResubmit(null)}
          onSignedIn={() => {
            setResubmit(null);
            setRestarted((n) => n + 1);
            resubmit();
          }}
        />
      ) : null}
    </SignInAgainContext.Provider>
  );
}

/** A native modal dialog: focus moves in when it opens and back where it was when it closes. */
function useModal(onEscape: () => void, focus?: string) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog?.showModal();
    // showModal focuses the first control; some dialogs start elsewhere (the password, say).
    if (focus) dialog?.querySelector<HTMLElement>(focus)?.focus();
    return () => {
      dialog?.close();
      before?.focus();
    };
  }, [focus]);
  const onCancel = (event: { preventDefault(): void }) => {
    event.preventDefault();
    onEscape();
  };
  return { ref, onCancel };
}

function words(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  const parts = [m ? `${m} minute${m === 1 ? '' : 's'}` : '', s ? `${s} second${s === 1 ? '' : 's'}` : ''].filter(Boolean);
  return parts.join(' ') || '0 seconds';
}

/** True when something typed on the page has not been sent: then the page stays after a timeout. */
function hasUnsavedInput(): boolean {
  for (const form of Array.from(document.forms)) {
    for (const el of Array.from(form.elements)) {
      if (el instanceof HTMLTextAreaElement && el.value !== el.defaultValue) return true;
      if (el instanceof HTMLInputElement) {
        if ((el.type === 'checkbox' || el.type === 'radio') && el.checked !== el.defaultChecked) return true;
        if (!['hidden', 'checkbox', 'radio', 'submit', 'button', 'password'].includes(el.type) && el.value !== el.defaultValue)
          return true;
      }
    }
  }
  return false;
}

function TimeoutWarning({ initialSecondsLeft, paused }: { initialSecondsLeft: number; paused: boolean }) {
  const router = useRouter();
  // When the session ends by this browser's clock, once the server has been asked (null: not yet).
  const [deadline, setDeadline] = useState<number | null>(null);
  const [open, setOpen] = useState(false);
  const [stopped, setStopped] = useState(false);

  const ended = useCallback(() => {
    setOpen(false);
    setStopped(true);
    // Someone mid-way through a note keeps it: saving will ask them to sign in again.
    if (hasUnsavedInput()) return;
    const here = `${window.location.pathname}${window.location.search}`;
    router.replace(`/sign-in?reason=timeout&callbackUrl=${encodeURIComponent(here)}`);
  }, [router]);

  // The server's lastSeenAt is the truth (other tabs count): ask it before warning or ending.
  const check = useCallback(async () => {
    try {
      const left = await sessionTimeLeftAction();
      if (!left) return ended();
      // At the very end, ask once more in a moment rather than count down from nothing.
      const seconds = left.secondsLeft < 2 ? WARN_SECONDS + 2 : left.secondsLeft;
      setDeadline(Date.now() + seconds * 1000);
      setOpen(seconds <= WARN_SECONDS + 5);
    } catch {
      // The service could not be reached: ask again shortly rather than sign anyone out.
      setOpen(false);
      setDeadline(Date.now() + (WARN_SECONDS + 30) * 1000);
    }
  }, [ended]);

  useEffect(() => {
    if (open || paused || stopped) return;
    const wait = deadline === null ? (initialSecondsLeft - WARN_SECONDS) * 1000 : deadline - WARN_SECONDS * 1000 - Date.now();
    const timer = setTimeout(() => void check(), Math.max(0, wait));
    return () => clearTimeout(timer);
  }, [deadline, initialSecondsLeft, open, paused, stopped, check]);

  if (!open || deadline === null || paused) return null;
  const stay = async () => {
    const left = await staySignedInAction().catch(() => null);
    if (!left) return ended();
    setDeadline(Date.now() + left.secondsLeft * 1000);
    setOpen(false);
  };
  return <TimeoutDialog deadline={deadline} onTimeUp={() => void check()} onStay={() => void stay()} />;
}

function TimeoutDialog({ deadline, onStay, onTimeUp }: { deadline: number; onStay: () => void; onTimeUp: () => void }) {
  const { ref, onCancel } = useModal(onStay);
  const [now, setNow] = useState(() => Date.now());
  const left = Math.max(0, Math.ceil((deadline - now) / 1000));

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const timeUp = useEffectEvent(onTimeUp);
  useEffect(() => {
    if (left === 0) timeUp();
  }, [left]);

  // Screen readers hear the time each minute, then every 20 seconds in the last minute, not every second.
  const announced = left > 60 ? Math.ceil(left / 60) * 60 : Math.ceil(left / 20) * 20;
  return (
    <dialog ref={ref} className="modal" aria-labelledby="timeout-title" aria-describedby="timeout-text" onCancel={onCancel}>
      <h2 id="timeout-title" className="heading-m">
        You’re about to be signed out
      </h2>
      <p id="timeout-text">
        <span aria-hidden="true">
          For your security, you’ll be signed out in <strong>{words(left)}</strong>.
        </span>
        <span className="visually-hidden" aria-live="polite" aria-atomic="true">
          For your security, you’ll be signed out in {words(announced)}.
        </span>
      </p>
      <ButtonGroup>
        <Button type="button" onClick={onStay}>
          Stay signed in
        </Button>
        <form action={signOutAction}>
          <Button variant="secondary">Sign out</Button>
        </form>
      </ButtonGroup>
    </dialog>
  );
}

function SignInAgainDialog({ email, onSignedIn, onCancel }: { email: string; onSignedIn: () => void; onCancel: () => void }) {
  const { ref, onCancel: onEscape } = useModal(onCancel, 'input[type="password"]');
  const [state, formAction, pending] = useActionState(signInAgainAction, initialFormState);
  const signedIn = useEffectEvent(onSignedIn);
  useEffect(() => {
    if (state.done) signedIn();
  }, [state]);

  const prefix = 'sign-in-again-';
  return (
    <dialog ref={ref} className="modal" aria-labelledby={`${prefix}title`} onCancel={onEscape}>
      <h2 id={`${prefix}title`} className="heading-m">
        Sign in again to save your work
      </h2>
      <p>You have been signed out. What you typed is still on the page: sign in and it will be saved.</p>
      <ErrorSummary state={state} order={['email', 'password', 'code']} idPrefix={prefix} />
      <form action={formAction} noValidate>
        <TextInput
          {...field(state, 'email', { fallback: email, idPrefix: prefix })}
          label="Email address"
          type="email"
          autoComplete="email"
          spellCheck={false}
          autoCapitalize="none"
        />
        <TextInput
          {...field(state, 'password', { idPrefix: prefix })}
          defaultValue={undefined}
          label="Password"
          type="password"
          autoComplete="current-password"
        />
        {/* Asked for once the password shows the account uses two-step sign-in. */}
        {state.fieldErrors?.code ? (
          <TextInput
            {...field(state, 'code', { idPrefix: prefix })}
            defaultValue={undefined}
            label="Code from your authenticator app"
            hint="Enter your password again too."
            inputMode="numeric"
            autoComplete="one-time-code"
            spellCheck={false}
          />
        ) : null}
        <ButtonGroup>
          <Button aria-disabled={pending || undefined}>Sign in and save</Button>
          <Button type="button" variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        </ButtonGroup>
      </form>
    </dialog>
  );
}
