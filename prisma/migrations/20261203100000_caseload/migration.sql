-- Caseload management (docs/decisions/0017-caseload-management.md): reassigning and reopening
-- cases with a reason, contact attempts, referral updates marked read, and the reason an
-- agreement was withdrawn.

CREATE TYPE "CaseEventKind" AS ENUM ('reassigned', 'reopened');
CREATE TYPE "ContactAttemptOutcome" AS ENUM ('no_answer', 'left_message', 'wrong_number');

ALTER TABLE "Consent" ADD COLUMN "withdrawnReason" TEXT;

CREATE TABLE "CaseEvent" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "kind" "CaseEventKind" NOT NULL,
    "actorId" UUID,
    "fromWorkerId" UUID,
    "toWorkerId" UUID,
    "reason" TEXT,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseEvent_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "CaseEvent_caseId_createdAt_idx" ON "CaseEvent"("caseId", "createdAt");
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ContactAttempt" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "outcome" "ContactAttemptOutcome" NOT NULL,
    "submissionKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactAttempt_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ContactAttempt_submissionKey_key" ON "ContactAttempt"("submissionKey");
CREATE INDEX "ContactAttempt_caseId_createdAt_idx" ON "ContactAttempt"("caseId", "createdAt");
ALTER TABLE "ContactAttempt" ADD CONSTRAINT "ContactAttempt_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ReferralUpdateRead" (
    "userId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferralUpdateRead_pkey" PRIMARY KEY ("userId", "key")
);
