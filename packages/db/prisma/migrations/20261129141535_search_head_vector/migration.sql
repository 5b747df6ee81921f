-- AlterTable
ALTER TABLE "Story" ADD COLUMN     "headVector" tsvector;

-- Hand-written: the trigger now also keeps "headVector" (title A, standfirst B). Search ranks
-- a bounded set of candidates, and the newest matches alone would miss an older story whose
-- title is the query; this small vector lives in the row, so its matches cost no body reads.
CREATE OR REPLACE FUNCTION "story_search_vector_update"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."headVector" :=
    setweight(to_tsvector('english', coalesce(NEW."title", '')), 'A') ||
    setweight(to_tsvector('english', coalesce(NEW."dek", '')), 'B');
  NEW."searchVector" :=
    NEW."headVector" ||
    setweight(to_tsvector('english', coalesce(NEW."body", '')), 'C');
  RETURN NEW;
END
$$;

-- Backfill before indexing (one pass, no index upkeep). Setting only "headVector" does not
-- fire the trigger (it watches title, dek and body), so bodies are not parsed again.
UPDATE "Story" SET "headVector" =
  setweight(to_tsvector('english', coalesce("title", '')), 'A') ||
  setweight(to_tsvector('english', coalesce("dek", '')), 'B');

-- CreateIndex
CREATE INDEX "Story_headVector_idx" ON "Story" USING GIN ("headVector");
