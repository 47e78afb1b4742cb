-- Staff accounts managed by admins and coordinators: a version for edits that must not silently
-- overwrite each other, and when the account's owner last chose a password (null while an invite
-- is outstanding: nobody knows the account's password yet).
ALTER TABLE "User" ADD COLUMN IF NOT EXISTS "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "User" ADD COLUMN IF NOT EXISTS "passwordSetAt" TIMESTAMP(3);

-- Accounts that exist already chose their password when they were made (the seed, group sign-ups),
-- except provider colleagues still holding an unused invite link.
UPDATE "User" u SET "passwordSetAt" = u."createdAt"
WHERE u."passwordSetAt" IS NULL
  AND NOT EXISTS (
    SELECT 1 FROM "ActionToken" t
    WHERE t."subjectId" = u.id AND t.purpose = 'account.invite' AND t."usedAt" IS NULL
  );

-- A new account has a password unless it is made by an invite, which says so (null).
ALTER TABLE "User" ALTER COLUMN "passwordSetAt" SET DEFAULT CURRENT_TIMESTAMP;

-- Outstanding invite and reset links are looked up by what they are for and whose they are.
CREATE INDEX IF NOT EXISTS "ActionToken_purpose_subjectId_idx" ON "ActionToken" ("purpose", "subjectId");
