-- CreateEnum
CREATE TYPE "BriefingControlKind" AS ENUM ('pin', 'strike', 'label', 'headline');

-- AlterTable
ALTER TABLE "Briefing" ADD COLUMN     "publishedAt" TIMESTAMP(3),
ADD COLUMN     "publishedById" TEXT;

-- AlterTable
ALTER TABLE "Topic" ADD COLUMN     "reviewBeforePublish" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "BriefingControl" (
    "id" TEXT NOT NULL,
    "topicId" TEXT NOT NULL,
    "kind" "BriefingControlKind" NOT NULL,
    "targetId" TEXT NOT NULL,
    "citationKeys" TEXT[],
    "storyIds" TEXT[],
    "targetText" TEXT NOT NULL,
    "value" TEXT,
    "reason" TEXT,
    "sinceVersion" INTEGER NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BriefingControl_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BriefingControl_topicId_idx" ON "BriefingControl"("topicId");

-- CreateIndex
CREATE UNIQUE INDEX "BriefingControl_topicId_kind_targetId_key" ON "BriefingControl"("topicId", "kind", "targetId");

-- CreateIndex
CREATE INDEX "Briefing_topicId_publishedAt_idx" ON "Briefing"("topicId", "publishedAt");

-- AddForeignKey
ALTER TABLE "Briefing" ADD CONSTRAINT "Briefing_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BriefingControl" ADD CONSTRAINT "BriefingControl_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BriefingControl" ADD CONSTRAINT "BriefingControl_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: every version stored before review existed was shown to readers when built.
UPDATE "Briefing" SET "publishedAt" = "createdAt" WHERE "publishedAt" IS NULL;

-- Readers' cached page data (20261129163000_public_change_notify) must drop a topic's views
-- when an editor publishes a draft or changes a control, as it does for a new version.
CREATE TRIGGER "briefing_public_change_publish" AFTER UPDATE OF "publishedAt" ON "Briefing"
  FOR EACH ROW WHEN (OLD."publishedAt" IS DISTINCT FROM NEW."publishedAt")
  EXECUTE FUNCTION "notify_public_briefing_change"();

CREATE OR REPLACE FUNCTION "notify_public_briefing_control_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('dispatch_public_change', 'topic:' || t."slug")
    FROM "Topic" t WHERE t."id" = COALESCE(NEW."topicId", OLD."topicId");
  RETURN NULL;
END
$$;

CREATE TRIGGER "briefing_control_public_change" AFTER INSERT OR UPDATE OR DELETE ON "BriefingControl"
  FOR EACH ROW EXECUTE FUNCTION "notify_public_briefing_control_change"();
