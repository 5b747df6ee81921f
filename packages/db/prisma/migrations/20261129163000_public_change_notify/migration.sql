-- Hand-written: every commit that changes what readers may see sends a NOTIFY on
-- "dispatch_public_change", whoever made it (the worker's rebuilds, the admin app, the CLI,
-- a script). Each reader instance LISTENs and drops the cached page data it names
-- (packages/db/src/public-changes.ts, apps/reader/src/server/page-data-cache.ts), so all
-- instances serve the change at once. NOTIFY is delivered only on commit, in commit order,
-- and takes no row lock, so writers never wait on one another for it (a shared counter row
-- would serialise every story write and could deadlock). Payloads:
--   'topic:<slug>'  a new briefing version of that topic (the pages of that topic, and lists of briefings)
--   '*'             stories, tags, topics or sources changed: everything public may have

-- A new briefing version: only its topic's views (and the lists showing every topic) change.
CREATE OR REPLACE FUNCTION "notify_public_briefing_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('dispatch_public_change', 'topic:' || t."slug")
    FROM "Topic" t WHERE t."id" = NEW."topicId";
  RETURN NULL;
END
$$;

-- Anything else public: one notification per statement, however many rows it touched.
CREATE OR REPLACE FUNCTION "notify_public_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('dispatch_public_change', '*');
  RETURN NULL;
END
$$;

CREATE TRIGGER "briefing_public_change_insert" AFTER INSERT ON "Briefing"
  FOR EACH ROW EXECUTE FUNCTION "notify_public_briefing_change"();
-- Versions are removed only with their topic (or by hand): redraw everything. Updates are not
-- watched: the store fills an old version's passages on first read, which changes no view.
CREATE TRIGGER "briefing_public_change_delete" AFTER DELETE ON "Briefing"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_change"();

CREATE TRIGGER "story_public_change" AFTER INSERT OR UPDATE OR DELETE ON "Story"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_change"();
CREATE TRIGGER "story_topic_public_change" AFTER INSERT OR UPDATE OR DELETE ON "StoryTopic"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_change"();
CREATE TRIGGER "topic_public_change" AFTER INSERT OR UPDATE OR DELETE ON "Topic"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_change"();
CREATE TRIGGER "source_public_change" AFTER UPDATE OR DELETE ON "Source"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_change"();
