import type { Enrolment as EnrolmentDetails } from '@/lib/auth/two-step/service';

/** Step 1 of set-up: the QR code to scan and the same key to type in by hand. */
export function Enrolment({ enrolment }: { enrolment: EnrolmentDetails }) {
  return (
    <>
      <h2 className="heading-m">1. Add this service to your authenticator app</h2>
      <p>
        Open an authenticator app on your phone (for example Microsoft Authenticator or Google Authenticator), choose to add an
        account and scan this QR code.
      </p>
      {/* The SVG comes from the qrcode library, drawn from our own otpauth address: no user input. */}
      <div
        role="img"
        aria-label="QR code to scan with your authenticator app"
        className="mb-6 w-56 bg-white"
        dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
      />
      <p>If you cannot scan the code, enter this key in the app instead. Choose a time-based key if asked.</p>
      <p>
        <code className="break-all text-lg font-bold" data-testid="manual-key">
          {enrolment.manualKey}
        </code>
      </p>
      <h2 className="heading-m">2. Enter the code the app shows</h2>
    </>
  );
}
