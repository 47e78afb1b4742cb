-- Summary data for the commissioners' reports (lib/reports). Materialised views, not tables:
-- they hold nothing of their own and are rebuilt from the records by refreshReportFacts() (a
-- background job, and on demand when older than the refresh interval); "ReportRefresh" says when.
-- Reports read these instead of scanning every conversation and referral event, so a report
-- section stays fast with a million referral events.

-- One row per case: the dates each stage was first reached and the facts the measures group by.
-- First contact is the first conversation; a conversation replaced by a correction does not count
-- (its correction does). ONS4 pairs are the first answer and the closing answer to each question,
-- kept only when they come from different conversations.
CREATE MATERIALIZED VIEW "ReportCaseFact" AS
WITH conv AS (
    SELECT cv."caseId", cv.id, cv."occurredAt", cv."createdAt", cv."isClosing",
           cv."lifeSatisfaction", cv.worthwhile, cv.happiness, cv.anxiety
    FROM "Conversation" cv
    WHERE cv.id NOT IN (SELECT s."supersedesId" FROM "Conversation" s WHERE s."supersedesId" IS NOT NULL)
), conv_agg AS (
    SELECT c."caseId", count(*)::int AS conversations, min(c."occurredAt") AS "firstContactAt"
    FROM conv c GROUP BY c."caseId"
), after_triage AS (
    SELECT k.id AS "caseId", min(c."occurredAt") AS at
    FROM "Case" k JOIN conv c ON c."caseId" = k.id
    WHERE c."occurredAt" > coalesce(k."triagedAt", k."assignedAt")
    GROUP BY k.id
), answers AS (
    SELECT c."caseId", c.id, c."occurredAt", c."createdAt", c."isClosing", q.question, q.score
    FROM conv c
    CROSS JOIN LATERAL (VALUES (1, c."lifeSatisfaction"), (2, c.worthwhile), (3, c.happiness), (4, c.anxiety)) AS q(question, score)
    WHERE q.score IS NOT NULL
), firsts AS (
    SELECT DISTINCT ON ("caseId", question) "caseId", question, id, score
    FROM answers ORDER BY "caseId", question, "occurredAt", "createdAt", id
), closings AS (
    SELECT DISTINCT ON ("caseId", question) "caseId", question, id, score
    FROM answers WHERE "isClosing" ORDER BY "caseId", question, "occurredAt" DESC, "createdAt" DESC, id
), ons AS (
    SELECT f."caseId",
           max(f.score) FILTER (WHERE f.question = 1) AS "lifeFirst", max(l.score) FILTER (WHERE f.question = 1) AS "lifeClosing",
           max(f.score) FILTER (WHERE f.question = 2) AS "worthFirst", max(l.score) FILTER (WHERE f.question = 2) AS "worthClosing",
           max(f.score) FILTER (WHERE f.question = 3) AS "happyFirst", max(l.score) FILTER (WHERE f.question = 3) AS "happyClosing",
           max(f.score) FILTER (WHERE f.question = 4) AS "anxietyFirst", max(l.score) FILTER (WHERE f.question = 4) AS "anxietyClosing"
    FROM firsts f JOIN closings l ON l."caseId" = f."caseId" AND l.question = f.question AND l.id <> f.id
    GROUP BY f."caseId"
), refs AS (
    SELECT r."caseId",
           min(e."createdAt") FILTER (WHERE e."toStatus" = 'sent') AS "sentAt",
           min(e."createdAt") FILTER (WHERE e."toStatus" IN ('accepted', 'attending')) AS "acceptedAt",
           min(e."createdAt") FILTER (WHERE e."toStatus" = 'attending') AS "attendingAt",
           min(e."createdAt") FILTER (WHERE e."toStatus" = 'completed') AS "completedAt"
    FROM "Referral" r JOIN "ReferralEvent" e ON e."referralId" = r.id
    GROUP BY r."caseId"
)
SELECT k.id AS "caseId",
       k."receivedAt", k."triagedAt", k."assignedAt", k."assignedWorkerId", k."closedAt",
       k.source::text AS source, coalesce(k.outcome::text, '') AS outcome,
       a."wardId", ((a."imdDecile" + 1) / 2) AS quintile,
       CASE
         WHEN p."dateOfBirth" IS NULL THEN coalesce(nullif(trim(p."ageBand"), ''), '')
         ELSE (SELECT CASE WHEN y < 18 THEN 'Under 18' WHEN y < 25 THEN '18-24' WHEN y < 35 THEN '25-34' WHEN y < 45 THEN '35-44'
                           WHEN y < 55 THEN '45-54' WHEN y < 65 THEN '55-64' WHEN y < 75 THEN '65-74' WHEN y < 85 THEN '75-84' ELSE '85+' END
               FROM (SELECT extract(year FROM age(((k."receivedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/London')::date, p."dateOfBirth"))::int AS y) yy)
       END AS "ageBand",
       coalesce(nullif(trim(p.ethnicity), ''), '') AS ethnicity,
       coalesce(ca.conversations, 0) AS conversations, ca."firstContactAt", at.at AS "firstAfterTriageAt",
       refs."sentAt", refs."acceptedAt", refs."attendingAt", refs."completedAt",
       ons."lifeFirst", ons."lifeClosing", ons."worthFirst", ons."worthClosing",
       ons."happyFirst", ons."happyClosing", ons."anxietyFirst", ons."anxietyClosing",
       ARRAY(SELECT cn."termId" FROM "CaseNeed" cn WHERE cn."caseId" = k.id ORDER BY cn."termId") AS "needTermIds"
FROM "Case" k
JOIN "Person" p ON p.id = k."personId"
LEFT JOIN "Area" a ON a.id = p."areaId"
LEFT JOIN conv_agg ca ON ca."caseId" = k.id
LEFT JOIN after_triage at ON at."caseId" = k.id
LEFT JOIN refs ON refs."caseId" = k.id
LEFT JOIN ons ON ons."caseId" = k.id;

CREATE UNIQUE INDEX "ReportCaseFact_caseId_key" ON "ReportCaseFact" ("caseId");
CREATE INDEX "ReportCaseFact_receivedAt_idx" ON "ReportCaseFact" ("receivedAt");
CREATE INDEX "ReportCaseFact_closedAt_idx" ON "ReportCaseFact" ("closedAt");

-- One row per time a referral out went onto a provider's waiting list: when, and when its next
-- status change came (null while it is still waiting).
CREATE MATERIALIZED VIEW "ReportWaitSpan" AS
SELECT e.id AS "eventId", e."referralId", r."serviceId", a."wardId",
       e."createdAt" AS "startAt",
       (SELECT min(n."createdAt") FROM "ReferralEvent" n WHERE n."referralId" = e."referralId" AND n."createdAt" > e."createdAt") AS "endAt"
FROM "ReferralEvent" e
JOIN "Referral" r ON r.id = e."referralId"
JOIN "Case" k ON k.id = r."caseId"
JOIN "Person" p ON p.id = k."personId"
LEFT JOIN "Area" a ON a.id = p."areaId"
WHERE e."toStatus" = 'waitlisted';

CREATE UNIQUE INDEX "ReportWaitSpan_eventId_key" ON "ReportWaitSpan" ("eventId");
CREATE INDEX "ReportWaitSpan_startAt_idx" ON "ReportWaitSpan" ("startAt");

-- When the views above were last rebuilt. Empty (not populated) until the first rebuild, so a
-- database seeded after migrating is rebuilt on the first report anyone opens.
CREATE MATERIALIZED VIEW "ReportRefresh" AS SELECT now() AS "refreshedAt" WITH NO DATA;
