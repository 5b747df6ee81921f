-- CreateEnum
CREATE TYPE "TopicRequestStatus" AS ENUM ('pending', 'created', 'dismissed');

-- CreateTable
CREATE TABLE "TopicRequest" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "status" "TopicRequestStatus" NOT NULL DEFAULT 'pending',
    "requestedById" TEXT,
    "topicId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TopicRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TopicRequestStory" (
    "requestId" TEXT NOT NULL,
    "storyId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TopicRequestStory_pkey" PRIMARY KEY ("requestId","storyId")
);

-- CreateIndex
CREATE UNIQUE INDEX "TopicRequest_slug_key" ON "TopicRequest"("slug");

-- CreateIndex
CREATE INDEX "TopicRequest_status_createdAt_idx" ON "TopicRequest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "TopicRequestStory_storyId_idx" ON "TopicRequestStory"("storyId");

-- AddForeignKey
ALTER TABLE "TopicRequest" ADD CONSTRAINT "TopicRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicRequest" ADD CONSTRAINT "TopicRequest_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicRequestStory" ADD CONSTRAINT "TopicRequestStory_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "TopicRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicRequestStory" ADD CONSTRAINT "TopicRequestStory_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;
