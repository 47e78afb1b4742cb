-- Fixes found while trying the casework as each role (docs/decisions/0021-casework-fixes-and-phones.md).

-- A case reference is found however it is typed: spaced, hyphenated, any case, in today's shape
-- ("EB-4K7P-9QX3") or an older one ("EB-26-02426"). Searches compare the letters and digits only
-- (lib/references, referenceMatches); this index answers that comparison.
CREATE INDEX "Case_reference_letters_idx" ON "Case" (regexp_replace(upper(reference), '[^A-Z0-9]', '', 'g'));

-- Who made a listing's latest versions, and the version before their unbroken run of them began.
-- A save whose form is older only by the same person's own changes (a one-tap space change, a
-- save in another tab) is not a conflict (lib/listings/apply.ts, bumpVersion and onlyOwnVersionsSince).
ALTER TABLE "Service" ADD COLUMN "editedById" UUID;
ALTER TABLE "Service" ADD COLUMN "editedFromVersion" INTEGER;

-- A team's phone line, so a provider answering a referral can ring the team as well as e-mail it.
ALTER TABLE "Team" ADD COLUMN "phone" TEXT;

-- Who assigned a case: its history says "Assigned to Sam Patel by Jo Coordinator". For cases
-- assigned before this, the audit trail says who: the latest "case.assigned" event of each case.
ALTER TABLE "Case" ADD COLUMN "assignedById" UUID;
UPDATE "Case" c SET "assignedById" = a."actorId"
FROM (
  SELECT DISTINCT ON ("entityId") "entityId", "actorId"
  FROM "AuditEvent"
  WHERE action = 'case.assigned' AND "entityType" = 'case' AND "actorId" IS NOT NULL
  ORDER BY "entityId", "createdAt" DESC
) a
WHERE a."entityId" = c.id::text AND c."assignedWorkerId" IS NOT NULL;

-- When a listing's group was last sent the "Is this still right?" e-mail, shown to the group and
-- to coordinators and read by the daily job to keep its four-week interval. It was only in the
-- audit trail before (which retention may prune): taken from there for listings already reminded.
ALTER TABLE "Service" ADD COLUMN "checkRemindedAt" TIMESTAMP(3);
UPDATE "Service" s SET "checkRemindedAt" = a.at
FROM (
  SELECT "entityId", max("createdAt") AS at FROM "AuditEvent"
  WHERE action = 'listing.check_sent' AND "entityType" = 'service'
  GROUP BY "entityId"
) a
WHERE a."entityId" = s.id::text;
