-- Security keys and passkeys (WebAuthn), a second step next to the authenticator app
-- (docs/decisions/0015-two-step-sign-in.md). The credential's id and public key are not secret;
-- the signature counter is a WebAuthn unsigned 32-bit number, so BIGINT. The challenges they sign
-- are single-use ActionTokens, so nothing else is stored.
CREATE TABLE "Passkey" (
  "id"           UUID NOT NULL,
  "userId"       UUID NOT NULL,
  "name"         TEXT NOT NULL,
  "credentialId" TEXT NOT NULL,
  "publicKey"    TEXT NOT NULL,
  "counter"      BIGINT NOT NULL DEFAULT '0'::BIGINT,
  "transports"   TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  "lastUsedAt"   TIMESTAMP(3),
  "createdAt"    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "Passkey_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "Passkey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE UNIQUE INDEX "Passkey_credentialId_key" ON "Passkey" ("credentialId");
CREATE INDEX "Passkey_userId_idx" ON "Passkey" ("userId");
