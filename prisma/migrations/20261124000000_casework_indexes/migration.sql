-- Casework at county scale (docs/performance.md, "Casework").

-- A link worker's open cases: the caseload and the triage page's worker loads ask for
-- "assigned to this worker and not closed". The index on (assignedWorkerId, status) cannot
-- answer "status <> 'closed'" and read every case the worker ever had (2,000 on the large seed).
CREATE INDEX "Case_assignedWorkerId_closedAt_idx" ON "Case" ("assignedWorkerId", "closedAt");

-- The case page reads a case's unmet need; without this it scanned the whole table.
CREATE INDEX "UnmetNeed_caseId_idx" ON "UnmetNeed" ("caseId");

-- "The latest conversation of a case" (the next follow-up on the caseload and in the worker
-- loads, the first contact, the case page) orders by occurredAt and then createdAt: with both in
-- the index it is read in order, with no sort per case.
DROP INDEX "Conversation_caseId_occurredAt_idx";
CREATE INDEX "Conversation_caseId_occurredAt_createdAt_idx" ON "Conversation" ("caseId", "occurredAt", "createdAt");
