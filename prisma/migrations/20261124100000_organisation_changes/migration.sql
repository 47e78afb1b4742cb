-- A group's own details (name, description, contact) go through the same moderation queue as
-- listing changes: a change request for the organisation, with no listing.
ALTER TYPE "ChangeRequestKind" ADD VALUE IF NOT EXISTS 'organisation_change';

CREATE INDEX IF NOT EXISTS "ListingChangeRequest_organisationId_idx" ON "ListingChangeRequest" ("organisationId");
