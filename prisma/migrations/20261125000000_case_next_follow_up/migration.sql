-- A case's next follow-up, kept on the case (docs/performance.md, "Casework").
--
-- The next follow-up is the date set by the case's latest conversation still in force (not
-- corrected by a newer one). The caseload and the triage page's worker loads used to find it per
-- case with a look-up into Conversation; a coordinator's page read about 5,600 buffers for a team
-- of 800 open cases. Conversations are append-only, so the date changes only when one is
-- written, corrected, anonymised or erased: statement triggers keep the copy on the case right
-- whichever code (or seed, or bulk load) writes them.
ALTER TABLE "Case" ADD COLUMN "nextFollowUpOn" DATE;

CREATE FUNCTION case_next_follow_up(case_id uuid) RETURNS date
LANGUAGE sql STABLE AS $$
  SELECT cv."nextFollowUpOn"
  FROM "Conversation" cv
  WHERE cv."caseId" = case_id
    AND NOT EXISTS (SELECT 1 FROM "Conversation" s WHERE s."supersedesId" = cv.id)
  ORDER BY cv."occurredAt" DESC, cv."createdAt" DESC
  LIMIT 1
$$;

-- Called by statement triggers whose transition table is named "changed".
CREATE FUNCTION refresh_case_next_follow_up() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Case" c
  SET "nextFollowUpOn" = f.next
  FROM (SELECT DISTINCT "caseId" AS id FROM changed) touched
  CROSS JOIN LATERAL (SELECT case_next_follow_up(touched.id) AS next) f
  WHERE c.id = touched.id AND c."nextFollowUpOn" IS DISTINCT FROM f.next;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Conversation_next_follow_up_insert" AFTER INSERT ON "Conversation"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION refresh_case_next_follow_up();
CREATE TRIGGER "Conversation_next_follow_up_update" AFTER UPDATE ON "Conversation"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION refresh_case_next_follow_up();
CREATE TRIGGER "Conversation_next_follow_up_delete" AFTER DELETE ON "Conversation"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION refresh_case_next_follow_up();

UPDATE "Case" c
SET "nextFollowUpOn" = case_next_follow_up(c.id)
WHERE EXISTS (SELECT 1 FROM "Conversation" cv WHERE cv."caseId" = c.id);

-- "Follow-ups due" for a worker's open cases.
CREATE INDEX "Case_assignedWorkerId_nextFollowUpOn_idx" ON "Case" ("assignedWorkerId", "nextFollowUpOn") WHERE "closedAt" IS NULL;
