-- AlterTable
ALTER TABLE "Briefing" ADD COLUMN     "format" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "passages" JSONB;

-- Existing rows stay format 1 (no passages): the API's briefing store upgrades each on its
-- first read, splitting the cited stories' bodies once and writing the passages back.
