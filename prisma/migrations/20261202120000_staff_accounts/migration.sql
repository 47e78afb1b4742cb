-- Staff accounts managed by admins and coordinators: a version for edits that must not silently
-- overwrite each other, and when the account's owner last chose a password (null while an invite
-- is outstanding: nobody knows the account's password yet).
ALTER TABLE "User" ADD COLUMN IF NOT EXISTS "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "User" ADD COLUMN IF NOT EXISTS "passwordSetAt" TIMESTAMP(3);

-- Accounts that exist already were made with a password (the seed, group sign-ups) or are provider
-- colleagues still waiting to set one (switched off until they do).
UPDATE "User" SET "passwordSetAt" = "createdAt" WHERE "passwordSetAt" IS NULL AND "active";

-- Outstanding invite and reset links are looked up by what they are for and whose they are.
CREATE INDEX IF NOT EXISTS "ActionToken_purpose_subjectId_idx" ON "ActionToken" ("purpose", "subjectId");
