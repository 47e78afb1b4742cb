-- Where each link-worker team works, so residents can see which team covers them: the whole
-- borough, or some wards and the patients of some GP practices; and when the team can be reached.
ALTER TABLE "Team" ADD COLUMN "openingHours" TEXT;
ALTER TABLE "Team" ADD COLUMN "wholeBorough" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "TeamWard" (
    "teamId" UUID NOT NULL,
    "wardId" UUID NOT NULL,
    CONSTRAINT "TeamWard_pkey" PRIMARY KEY ("teamId", "wardId")
);
CREATE INDEX "TeamWard_wardId_idx" ON "TeamWard"("wardId");
ALTER TABLE "TeamWard" ADD CONSTRAINT "TeamWard_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TeamWard" ADD CONSTRAINT "TeamWard_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "TeamPractice" (
    "teamId" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    CONSTRAINT "TeamPractice_pkey" PRIMARY KEY ("teamId", "practiceId")
);
CREATE INDEX "TeamPractice_practiceId_idx" ON "TeamPractice"("practiceId");
ALTER TABLE "TeamPractice" ADD CONSTRAINT "TeamPractice_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TeamPractice" ADD CONSTRAINT "TeamPractice_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "GpPractice"("id") ON DELETE CASCADE ON UPDATE CASCADE;
