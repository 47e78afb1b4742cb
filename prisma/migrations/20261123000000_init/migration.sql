-- CreateEnum
CREATE TYPE "Role" AS ENUM ('provider', 'link_worker', 'coordinator', 'commissioner', 'admin');

-- CreateEnum
CREATE TYPE "OrganisationStatus" AS ENUM ('pending', 'approved', 'rejected');

-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('owner', 'member');

-- CreateEnum
CREATE TYPE "ServiceStatus" AS ENUM ('active', 'inactive', 'defunct', 'temporarily_closed');

-- CreateEnum
CREATE TYPE "CapacityStatus" AS ENUM ('open', 'waiting_list', 'full');

-- CreateEnum
CREATE TYPE "DeliveryMode" AS ENUM ('in_person', 'online', 'phone');

-- CreateEnum
CREATE TYPE "AccessMethod" AS ENUM ('self_refer', 'professional_referral', 'drop_in');

-- CreateEnum
CREATE TYPE "ScheduleFreq" AS ENUM ('WEEKLY', 'MONTHLY', 'ONCE');

-- CreateEnum
CREATE TYPE "ContactMethod" AS ENUM ('phone', 'email', 'text', 'letter');

-- CreateEnum
CREATE TYPE "ConsentScope" AS ENUM ('contact', 'share_with_provider', 'tell_gp');

-- CreateEnum
CREATE TYPE "CaseSource" AS ENUM ('gp', 'self', 'social_care', 'hospital', 'voluntary_sector', 'other');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('received', 'triaged', 'active', 'closed');

-- CreateEnum
CREATE TYPE "Rag" AS ENUM ('red', 'amber', 'green');

-- CreateEnum
CREATE TYPE "CaseOutcome" AS ENUM ('signposted_first_contact', 'settled_community_support', 'declined_support', 'moved_away', 'could_not_contact', 'referred_statutory', 'other');

-- CreateEnum
CREATE TYPE "SafeguardingTeam" AS ENUM ('adults', 'children');

-- CreateEnum
CREATE TYPE "ConversationType" AS ENUM ('listen_connect', 'crisis', 'good_life');

-- CreateEnum
CREATE TYPE "ReferralStatus" AS ENUM ('draft', 'sent', 'accepted', 'declined', 'withdrawn', 'expired', 'waitlisted', 'attending', 'did_not_attend', 'completed');

-- CreateEnum
CREATE TYPE "DeclineReason" AS ENUM ('full', 'not_eligible', 'not_suitable', 'could_not_contact', 'other');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('worker', 'provider', 'system', 'answer_link');

-- CreateEnum
CREATE TYPE "UnmetNeedReason" AS ENUM ('no_service', 'full', 'too_far', 'cost', 'not_accessible', 'not_eligible', 'wrong_times', 'other');

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('email', 'sms');

-- CreateEnum
CREATE TYPE "NotificationStatus" AS ENUM ('queued', 'sending', 'sent', 'failed');

-- CreateEnum
CREATE TYPE "ChangeRequestKind" AS ENUM ('new_listing', 'change', 'problem_report');

-- CreateEnum
CREATE TYPE "ChangeRequestStatus" AS ENUM ('pending', 'approved', 'sent_back', 'closed');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "teamId" UUID,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key", "windowStart")
);

-- CreateTable
CREATE TABLE "Team" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "email" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" UUID NOT NULL,
    "externalId" TEXT,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "charityNumber" TEXT,
    "companyNumber" TEXT,
    "website" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "status" "OrganisationStatus" NOT NULL DEFAULT 'pending',
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "verifiedAt" TIMESTAMP(3),
    "verifiedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganisationMember" (
    "organisationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "MemberRole" NOT NULL DEFAULT 'member',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrganisationMember_pkey" PRIMARY KEY ("organisationId", "userId")
);

-- CreateTable
CREATE TABLE "Service" (
    "id" UUID NOT NULL,
    "externalId" TEXT,
    "organisationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "url" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "contactName" TEXT,
    "status" "ServiceStatus" NOT NULL DEFAULT 'active',
    "published" BOOLEAN NOT NULL DEFAULT false,
    "minimumAge" INTEGER,
    "maximumAge" INTEGER,
    "eligibility" TEXT,
    "isFree" BOOLEAN NOT NULL DEFAULT false,
    "costDescription" TEXT,
    "languages" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "deliveryModes" "DeliveryMode"[] NOT NULL DEFAULT ARRAY[]::"DeliveryMode"[],
    "accessMethods" "AccessMethod"[] NOT NULL DEFAULT ARRAY[]::"AccessMethod"[],
    "capacityStatus" "CapacityStatus" NOT NULL DEFAULT 'open',
    "capacitySpaces" INTEGER,
    "alert" TEXT,
    "assuredAt" TIMESTAMP(3),
    "assuredById" UUID,
    "assurerEmail" TEXT,
    "searchVector" tsvector,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Location" (
    "id" UUID NOT NULL,
    "externalId" TEXT,
    "name" TEXT,
    "description" TEXT,
    "address1" TEXT NOT NULL,
    "address2" TEXT,
    "city" TEXT NOT NULL,
    "postcode" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "accessibility" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "areaId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Location_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceAtLocation" (
    "id" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "locationId" UUID NOT NULL,

    CONSTRAINT "ServiceAtLocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Schedule" (
    "id" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "serviceAtLocationId" UUID,
    "freq" "ScheduleFreq" NOT NULL,
    "interval" INTEGER NOT NULL DEFAULT 1,
    "byDay" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "byMonthDay" INTEGER,
    "rrule" TEXT,
    "timezone" TEXT NOT NULL DEFAULT 'Europe/London',
    "dtstart" DATE,
    "validFrom" DATE,
    "validTo" DATE,
    "opensAt" TEXT NOT NULL,
    "closesAt" TEXT NOT NULL,
    "description" TEXT,
    "notes" TEXT,

    CONSTRAINT "Schedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Taxonomy" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "uri" TEXT,
    "version" TEXT,

    CONSTRAINT "Taxonomy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaxonomyTerm" (
    "id" UUID NOT NULL,
    "taxonomyId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "parentId" UUID,
    "synonyms" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "externalUri" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TaxonomyTerm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceTaxonomy" (
    "serviceId" UUID NOT NULL,
    "termId" UUID NOT NULL,

    CONSTRAINT "ServiceTaxonomy_pkey" PRIMARY KEY ("serviceId", "termId")
);

-- CreateTable
CREATE TABLE "Ward" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Ward_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pcn" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Pcn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GpPractice" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "pcnId" UUID,

    CONSTRAINT "GpPractice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Area" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "wardId" UUID NOT NULL,
    "pcnId" UUID,
    "population" INTEGER NOT NULL,
    "imdDecile" INTEGER NOT NULL,

    CONSTRAINT "Area_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Postcode" (
    "postcode" TEXT NOT NULL,
    "district" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "areaId" UUID,

    CONSTRAINT "Postcode_pkey" PRIMARY KEY ("postcode")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "preferredContact" "ContactMethod" NOT NULL DEFAULT 'phone',
    "contactNotes" TEXT,
    "dateOfBirth" DATE,
    "ageBand" TEXT,
    "postcode" TEXT,
    "areaId" UUID,
    "gender" TEXT,
    "ethnicity" TEXT,
    "disability" TEXT,
    "gpPracticeId" UUID,
    "anonymisedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consent" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "scope" "ConsentScope" NOT NULL,
    "organisationId" UUID,
    "fields" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "givenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedById" UUID,
    "withdrawnAt" TIMESTAMP(3),
    "withdrawnById" UUID,
    "note" TEXT,

    CONSTRAINT "Consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "personId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "source" "CaseSource" NOT NULL,
    "referrerName" TEXT,
    "referrerOrganisation" TEXT,
    "referrerEmail" TEXT,
    "referrerPhone" TEXT,
    "submissionKey" TEXT,
    "whatMatters" TEXT NOT NULL DEFAULT '',
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rag" "Rag",
    "ragReason" TEXT,
    "triagedAt" TIMESTAMP(3),
    "triagedById" UUID,
    "assignedWorkerId" UUID,
    "assignedAt" TIMESTAMP(3),
    "firstContactAt" TIMESTAMP(3),
    "status" "CaseStatus" NOT NULL DEFAULT 'received',
    "closedAt" TIMESTAMP(3),
    "closedById" UUID,
    "outcome" "CaseOutcome",
    "outcomeNote" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseNeed" (
    "caseId" UUID NOT NULL,
    "termId" UUID NOT NULL,

    CONSTRAINT "CaseNeed_pkey" PRIMARY KEY ("caseId", "termId")
);

-- CreateTable
CREATE TABLE "Signpost" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Signpost_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SafeguardingConcern" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "raisedById" UUID NOT NULL,
    "raisedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "referredTo" "SafeguardingTeam" NOT NULL,
    "referredToDetail" TEXT,
    "summary" TEXT NOT NULL,

    CONSTRAINT "SafeguardingConcern_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Conversation" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "workerId" UUID NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "type" "ConversationType" NOT NULL,
    "whatMatters" TEXT NOT NULL DEFAULT '',
    "strengths" TEXT NOT NULL DEFAULT '',
    "goals" TEXT NOT NULL DEFAULT '',
    "actions" TEXT NOT NULL DEFAULT '',
    "lifeSatisfaction" INTEGER,
    "worthwhile" INTEGER,
    "happiness" INTEGER,
    "anxiety" INTEGER,
    "nextFollowUpOn" DATE,
    "isClosing" BOOLEAN NOT NULL DEFAULT false,
    "supersedesId" UUID,
    "correctionNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Conversation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConversationNeed" (
    "conversationId" UUID NOT NULL,
    "termId" UUID NOT NULL,

    CONSTRAINT "ConversationNeed_pkey" PRIMARY KEY ("conversationId", "termId")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "status" "ReferralStatus" NOT NULL DEFAULT 'draft',
    "sharedInfo" JSONB NOT NULL DEFAULT '{}',
    "message" TEXT,
    "declineReason" "DeclineReason",
    "sentAt" TIMESTAMP(3),
    "respondedAt" TIMESTAMP(3),
    "reminderSentAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferralEvent" (
    "id" UUID NOT NULL,
    "referralId" UUID NOT NULL,
    "fromStatus" "ReferralStatus",
    "toStatus" "ReferralStatus" NOT NULL,
    "actorId" UUID,
    "actorKind" "ActorKind" NOT NULL,
    "onBehalf" BOOLEAN NOT NULL DEFAULT false,
    "reason" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferralEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionToken" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "subjectId" UUID NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActionToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnmetNeed" (
    "id" UUID NOT NULL,
    "termId" UUID NOT NULL,
    "areaId" UUID,
    "wardId" UUID,
    "reason" "UnmetNeedReason" NOT NULL,
    "note" TEXT,
    "caseId" UUID,
    "referralId" UUID,
    "recordedById" UUID,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnmetNeed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchLog" (
    "id" UUID NOT NULL,
    "terms" TEXT NOT NULL DEFAULT '',
    "filters" JSONB NOT NULL DEFAULT '{}',
    "wardId" UUID,
    "district" TEXT,
    "resultCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" UUID NOT NULL,
    "actorId" UUID,
    "actorRole" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "personId" UUID,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "template" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "subject" TEXT,
    "body" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "status" "NotificationStatus" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "providerRef" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ListingChangeRequest" (
    "id" UUID NOT NULL,
    "kind" "ChangeRequestKind" NOT NULL,
    "serviceId" UUID,
    "organisationId" UUID,
    "previous" JSONB NOT NULL DEFAULT '{}',
    "proposed" JSONB NOT NULL DEFAULT '{}',
    "message" TEXT,
    "submittedById" UUID,
    "reporterEmail" TEXT,
    "status" "ChangeRequestStatus" NOT NULL DEFAULT 'pending',
    "reviewedById" UUID,
    "reviewedAt" TIMESTAMP(3),
    "reviewNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ListingChangeRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceVersion" (
    "id" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_teamId_role_idx" ON "User"("teamId", "role");

-- CreateIndex
CREATE INDEX "RateLimitBucket_windowStart_idx" ON "RateLimitBucket"("windowStart");

-- CreateIndex
CREATE UNIQUE INDEX "Team_name_key" ON "Team"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_externalId_key" ON "Organisation"("externalId");

-- CreateIndex
CREATE INDEX "Organisation_name_idx" ON "Organisation"("name");

-- CreateIndex
CREATE INDEX "OrganisationMember_userId_idx" ON "OrganisationMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Service_externalId_key" ON "Service"("externalId");

-- CreateIndex
CREATE INDEX "Service_organisationId_idx" ON "Service"("organisationId");

-- CreateIndex
CREATE INDEX "Service_status_published_assuredAt_idx" ON "Service"("status", "published", "assuredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Location_externalId_key" ON "Location"("externalId");

-- CreateIndex
CREATE INDEX "Location_postcode_idx" ON "Location"("postcode");

-- CreateIndex
CREATE INDEX "Location_areaId_idx" ON "Location"("areaId");

-- CreateIndex
CREATE INDEX "ServiceAtLocation_locationId_idx" ON "ServiceAtLocation"("locationId");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceAtLocation_serviceId_locationId_key" ON "ServiceAtLocation"("serviceId", "locationId");

-- CreateIndex
CREATE INDEX "Schedule_serviceId_idx" ON "Schedule"("serviceId");

-- CreateIndex
CREATE UNIQUE INDEX "Taxonomy_name_key" ON "Taxonomy"("name");

-- CreateIndex
CREATE UNIQUE INDEX "TaxonomyTerm_code_key" ON "TaxonomyTerm"("code");

-- CreateIndex
CREATE INDEX "ServiceTaxonomy_termId_idx" ON "ServiceTaxonomy"("termId");

-- CreateIndex
CREATE UNIQUE INDEX "Ward_code_key" ON "Ward"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Pcn_code_key" ON "Pcn"("code");

-- CreateIndex
CREATE UNIQUE INDEX "GpPractice_code_key" ON "GpPractice"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Area_code_key" ON "Area"("code");

-- CreateIndex
CREATE INDEX "Area_wardId_idx" ON "Area"("wardId");

-- CreateIndex
CREATE INDEX "Postcode_district_idx" ON "Postcode"("district");

-- CreateIndex
CREATE INDEX "Postcode_areaId_idx" ON "Postcode"("areaId");

-- CreateIndex
CREATE INDEX "Person_areaId_idx" ON "Person"("areaId");

-- CreateIndex
CREATE INDEX "Consent_personId_scope_idx" ON "Consent"("personId", "scope");

-- CreateIndex
CREATE UNIQUE INDEX "Case_reference_key" ON "Case"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Case_submissionKey_key" ON "Case"("submissionKey");

-- CreateIndex
CREATE INDEX "Case_teamId_status_receivedAt_idx" ON "Case"("teamId", "status", "receivedAt");

-- CreateIndex
CREATE INDEX "Case_assignedWorkerId_status_idx" ON "Case"("assignedWorkerId", "status");

-- CreateIndex
CREATE INDEX "Case_personId_idx" ON "Case"("personId");

-- CreateIndex
CREATE INDEX "Case_receivedAt_idx" ON "Case"("receivedAt");

-- CreateIndex
CREATE INDEX "Case_closedAt_idx" ON "Case"("closedAt");

-- CreateIndex
CREATE INDEX "CaseNeed_termId_idx" ON "CaseNeed"("termId");

-- CreateIndex
CREATE INDEX "Signpost_caseId_idx" ON "Signpost"("caseId");

-- CreateIndex
CREATE INDEX "SafeguardingConcern_caseId_idx" ON "SafeguardingConcern"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "Conversation_supersedesId_key" ON "Conversation"("supersedesId");

-- CreateIndex
CREATE INDEX "Conversation_caseId_occurredAt_idx" ON "Conversation"("caseId", "occurredAt");

-- CreateIndex
CREATE INDEX "Conversation_workerId_nextFollowUpOn_idx" ON "Conversation"("workerId", "nextFollowUpOn");

-- CreateIndex
CREATE INDEX "ConversationNeed_termId_idx" ON "ConversationNeed"("termId");

-- CreateIndex
CREATE INDEX "Referral_serviceId_status_idx" ON "Referral"("serviceId", "status");

-- CreateIndex
CREATE INDEX "Referral_caseId_idx" ON "Referral"("caseId");

-- CreateIndex
CREATE INDEX "Referral_status_sentAt_idx" ON "Referral"("status", "sentAt");

-- CreateIndex
CREATE INDEX "ReferralEvent_referralId_createdAt_idx" ON "ReferralEvent"("referralId", "createdAt");

-- CreateIndex
CREATE INDEX "ReferralEvent_toStatus_createdAt_idx" ON "ReferralEvent"("toStatus", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ActionToken_tokenHash_key" ON "ActionToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ActionToken_subjectId_idx" ON "ActionToken"("subjectId");

-- CreateIndex
CREATE INDEX "UnmetNeed_recordedAt_idx" ON "UnmetNeed"("recordedAt");

-- CreateIndex
CREATE INDEX "UnmetNeed_termId_recordedAt_idx" ON "UnmetNeed"("termId", "recordedAt");

-- CreateIndex
CREATE INDEX "SearchLog_createdAt_idx" ON "SearchLog"("createdAt");

-- CreateIndex
CREATE INDEX "SearchLog_resultCount_createdAt_idx" ON "SearchLog"("resultCount", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_personId_createdAt_idx" ON "AuditEvent"("personId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_createdAt_idx" ON "AuditEvent"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_status_nextAttemptAt_idx" ON "Notification"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "ListingChangeRequest_status_createdAt_idx" ON "ListingChangeRequest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ListingChangeRequest_serviceId_idx" ON "ListingChangeRequest"("serviceId");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceVersion_serviceId_number_key" ON "ServiceVersion"("serviceId", "number");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationMember" ADD CONSTRAINT "OrganisationMember_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationMember" ADD CONSTRAINT "OrganisationMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Location" ADD CONSTRAINT "Location_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceAtLocation" ADD CONSTRAINT "ServiceAtLocation_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceAtLocation" ADD CONSTRAINT "ServiceAtLocation_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Schedule" ADD CONSTRAINT "Schedule_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Schedule" ADD CONSTRAINT "Schedule_serviceAtLocationId_fkey" FOREIGN KEY ("serviceAtLocationId") REFERENCES "ServiceAtLocation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaxonomyTerm" ADD CONSTRAINT "TaxonomyTerm_taxonomyId_fkey" FOREIGN KEY ("taxonomyId") REFERENCES "Taxonomy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaxonomyTerm" ADD CONSTRAINT "TaxonomyTerm_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "TaxonomyTerm"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceTaxonomy" ADD CONSTRAINT "ServiceTaxonomy_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceTaxonomy" ADD CONSTRAINT "ServiceTaxonomy_termId_fkey" FOREIGN KEY ("termId") REFERENCES "TaxonomyTerm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GpPractice" ADD CONSTRAINT "GpPractice_pcnId_fkey" FOREIGN KEY ("pcnId") REFERENCES "Pcn"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Area" ADD CONSTRAINT "Area_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Area" ADD CONSTRAINT "Area_pcnId_fkey" FOREIGN KEY ("pcnId") REFERENCES "Pcn"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Postcode" ADD CONSTRAINT "Postcode_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_gpPracticeId_fkey" FOREIGN KEY ("gpPracticeId") REFERENCES "GpPractice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_assignedWorkerId_fkey" FOREIGN KEY ("assignedWorkerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseNeed" ADD CONSTRAINT "CaseNeed_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseNeed" ADD CONSTRAINT "CaseNeed_termId_fkey" FOREIGN KEY ("termId") REFERENCES "TaxonomyTerm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signpost" ADD CONSTRAINT "Signpost_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafeguardingConcern" ADD CONSTRAINT "SafeguardingConcern_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_workerId_fkey" FOREIGN KEY ("workerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "Conversation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationNeed" ADD CONSTRAINT "ConversationNeed_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationNeed" ADD CONSTRAINT "ConversationNeed_termId_fkey" FOREIGN KEY ("termId") REFERENCES "TaxonomyTerm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralEvent" ADD CONSTRAINT "ReferralEvent_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnmetNeed" ADD CONSTRAINT "UnmetNeed_termId_fkey" FOREIGN KEY ("termId") REFERENCES "TaxonomyTerm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnmetNeed" ADD CONSTRAINT "UnmetNeed_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnmetNeed" ADD CONSTRAINT "UnmetNeed_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnmetNeed" ADD CONSTRAINT "UnmetNeed_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnmetNeed" ADD CONSTRAINT "UnmetNeed_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SearchLog" ADD CONSTRAINT "SearchLog_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ListingChangeRequest" ADD CONSTRAINT "ListingChangeRequest_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ListingChangeRequest" ADD CONSTRAINT "ListingChangeRequest_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceVersion" ADD CONSTRAINT "ServiceVersion_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;
