-- Server-side sessions and sign-in throttling (docs/decisions/0012-server-side-sessions.md).
--
-- A session is a row; the browser holds only a random token whose SHA-256 is "tokenHash". Ending a
-- session (sign-out, leaver, role change) sets "revokedAt", so a revoked row never comes back, even
-- when the account is switched on again. The lock-out columns go: failed sign-ins now slow down
-- further attempts ("SignInThrottle") instead of locking the account or ending its sessions.
CREATE TABLE "UserSession" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userAgent" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "UserSession_tokenHash_key" ON "UserSession"("tokenHash");
CREATE INDEX "UserSession_userId_idx" ON "UserSession"("userId");
CREATE INDEX "UserSession_expiresAt_idx" ON "UserSession"("expiresAt");

ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One row per throttled key (an account's digest, a network address, a known browser): how many
-- failures in a row, and when the next attempt may be made.
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastFailureAt" TIMESTAMP(3) NOT NULL,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "SignInThrottle_lastFailureAt_idx" ON "SignInThrottle"("lastFailureAt");

ALTER TABLE "User" DROP COLUMN "sessionVersion",
DROP COLUMN "failedLoginCount",
DROP COLUMN "lockedUntil";

-- Switching an account off ends its sessions whatever code does it, so switching it back on later
-- cannot bring them back (revokeSessions() does the same for role changes and "sign out everywhere").
CREATE FUNCTION revoke_sessions_of_inactive_user() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "UserSession" SET "revokedAt" = now() AT TIME ZONE 'UTC'
  WHERE "userId" = NEW.id AND "revokedAt" IS NULL;
  RETURN NULL;
END
$$;

CREATE TRIGGER user_inactive_revokes_sessions
AFTER UPDATE OF active ON "User"
FOR EACH ROW WHEN (OLD.active AND NOT NEW.active)
EXECUTE FUNCTION revoke_sessions_of_inactive_user();
