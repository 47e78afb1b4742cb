-- A GP practice's email address, where case outcomes go for patients who agreed.
ALTER TABLE "GpPractice" ADD COLUMN "email" TEXT;
