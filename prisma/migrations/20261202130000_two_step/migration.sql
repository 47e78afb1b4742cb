-- Two-step sign-in (docs/decisions/0015-two-step-sign-in.md).
--
-- One authenticator per user. The TOTP secret is stored encrypted (AES-256-GCM under TWO_STEP_KEY);
-- a replacement being set up waits in "pendingSecretEnc" until its first code confirms it, so the
-- old authenticator keeps working meanwhile. "lastUsedStep" is the 30-second step of the last code
-- accepted: a code from that step or an earlier one is refused, so an overheard code cannot be
-- replayed. A replacement not confirmed within 15 minutes lapses ("pendingCreatedAt"), so a
-- session left open cannot later swap in an attacker's app without a current code.
CREATE TABLE "UserTwoStep" (
  "userId"           UUID NOT NULL,
  "secretEnc"        TEXT,
  "pendingSecretEnc" TEXT,
  "pendingCreatedAt" TIMESTAMP(3),
  "confirmedAt"      TIMESTAMP(3),
  "lastUsedStep"     INTEGER,
  "createdAt"        TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt"        TIMESTAMP(3) NOT NULL,
  CONSTRAINT "UserTwoStep_pkey" PRIMARY KEY ("userId"),
  CONSTRAINT "UserTwoStep_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Single-use recovery codes, kept only as keyed digests (HMAC-SHA256 with a key derived from
-- TWO_STEP_KEY). A new set replaces the old one whole.
CREATE TABLE "RecoveryCode" (
  "id"        UUID NOT NULL,
  "userId"    UUID NOT NULL,
  "codeHash"  TEXT NOT NULL,
  "usedAt"    TIMESTAMP(3),
  "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "RecoveryCode_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "RecoveryCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE UNIQUE INDEX "RecoveryCode_userId_codeHash_key" ON "RecoveryCode" ("userId", "codeHash");
