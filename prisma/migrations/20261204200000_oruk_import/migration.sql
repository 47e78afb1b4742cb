-- Taking in other directories' Open Referral UK feeds (docs/decisions/0023-oruk-import.md).

-- A feed (or a named source of uploaded files, with no address): where imported records come from.
CREATE TYPE "OrukFeedSchedule" AS ENUM ('manual', 'daily', 'weekly');

CREATE TABLE "OrukFeed" (
  "id" UUID NOT NULL,
  "name" TEXT NOT NULL,
  "url" TEXT,
  "schedule" "OrukFeedSchedule" NOT NULL DEFAULT 'daily',
  "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt" TIMESTAMP(3) NOT NULL,
  "lastRunAt" TIMESTAMP(3),
  CONSTRAINT "OrukFeed_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "OrukFeed_name_key" ON "OrukFeed"("name");

-- Each dry run or import: its counts and, when refused, the records and their errors in words.
CREATE TABLE "OrukImportRun" (
  "id" UUID NOT NULL,
  "feedId" UUID NOT NULL,
  "apply" BOOLEAN NOT NULL,
  "ok" BOOLEAN NOT NULL,
  "summary" JSONB NOT NULL DEFAULT '{}',
  "startedAt" TIMESTAMP(3) NOT NULL,
  "finishedAt" TIMESTAMP(3) NOT NULL,
  "startedById" UUID,
  CONSTRAINT "OrukImportRun_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "OrukImportRun_feedId_fkey" FOREIGN KEY ("feedId") REFERENCES "OrukFeed"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "OrukImportRun_feedId_startedAt_idx" ON "OrukImportRun"("feedId", "startedAt");

-- An external taxonomy term and the need it counts as here (null: not mapped yet). Shared by every
-- feed: councils use the same vocabularies (LGA service types, esd), so one mapping serves all.
CREATE TABLE "OrukTermMapping" (
  "id" UUID NOT NULL,
  "vocabulary" TEXT NOT NULL,
  "code" TEXT NOT NULL,
  "label" TEXT NOT NULL,
  "termId" UUID,
  "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "OrukTermMapping_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "OrukTermMapping_termId_fkey" FOREIGN KEY ("termId") REFERENCES "TaxonomyTerm"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "OrukTermMapping_vocabulary_code_key" ON "OrukTermMapping"("vocabulary", "code");

-- Where an imported row came from: its feed and the feed's own id for it. Ids are only unique within
-- one feed, so the pair is the key (two councils may both use "1"); externalId stays the CSV import's.
ALTER TABLE "Organisation" ADD COLUMN "sourceFeedId" UUID;
ALTER TABLE "Organisation" ADD COLUMN "sourceId" TEXT;
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_sourceFeedId_fkey" FOREIGN KEY ("sourceFeedId") REFERENCES "OrukFeed"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE UNIQUE INDEX "Organisation_sourceFeedId_sourceId_key" ON "Organisation"("sourceFeedId", "sourceId");

ALTER TABLE "Location" ADD COLUMN "sourceFeedId" UUID;
ALTER TABLE "Location" ADD COLUMN "sourceId" TEXT;
ALTER TABLE "Location" ADD CONSTRAINT "Location_sourceFeedId_fkey" FOREIGN KEY ("sourceFeedId") REFERENCES "OrukFeed"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE UNIQUE INDEX "Location_sourceFeedId_sourceId_key" ON "Location"("sourceFeedId", "sourceId");

-- A listing with a feed is the feed's: local edits are refused until an admin adopts it (adoptedAt),
-- after which imports leave it alone. sourceMissingSince: the feed stopped listing it (it is
-- unpublished, not deleted, and comes back if the feed lists it again).
ALTER TABLE "Service" ADD COLUMN "sourceFeedId" UUID;
ALTER TABLE "Service" ADD COLUMN "sourceId" TEXT;
ALTER TABLE "Service" ADD COLUMN "sourceMissingSince" TIMESTAMP(3);
ALTER TABLE "Service" ADD COLUMN "adoptedAt" TIMESTAMP(3);
ALTER TABLE "Service" ADD COLUMN "adoptedById" UUID;
ALTER TABLE "Service" ADD CONSTRAINT "Service_sourceFeedId_fkey" FOREIGN KEY ("sourceFeedId") REFERENCES "OrukFeed"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE UNIQUE INDEX "Service_sourceFeedId_sourceId_key" ON "Service"("sourceFeedId", "sourceId");
