-- CreateEnum
CREATE TYPE "DigestFrequency" AS ENUM ('off', 'daily', 'weekly');

-- AlterTable
ALTER TABLE "TopicFollow" ADD COLUMN     "baseAt" TIMESTAMP(3),
ADD COLUMN     "baseVersion" INTEGER,
ADD COLUMN     "mailedVersion" INTEGER,
ADD COLUMN     "seenAt" TIMESTAMP(3),
ADD COLUMN     "seenVersion" INTEGER;

-- CreateTable
CREATE TABLE "ReaderDigest" (
    "userId" TEXT NOT NULL,
    "frequency" "DigestFrequency" NOT NULL DEFAULT 'off',
    "feedToken" TEXT,
    "feedTokenCreatedAt" TIMESTAMP(3),
    "unsubscribeToken" TEXT NOT NULL,
    "lastSentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReaderDigest_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReaderDigest_feedToken_key" ON "ReaderDigest"("feedToken");

-- CreateIndex
CREATE UNIQUE INDEX "ReaderDigest_unsubscribeToken_key" ON "ReaderDigest"("unsubscribeToken");

-- CreateIndex
CREATE INDEX "ReaderDigest_frequency_idx" ON "ReaderDigest"("frequency");

-- AddForeignKey
ALTER TABLE "ReaderDigest" ADD CONSTRAINT "ReaderDigest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
