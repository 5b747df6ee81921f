import { z } from "zod";
import { actorOf, adminProcedure, editorProcedure, publicProcedure, router } from "../trpc";
import {
  briefingDiffSchema,
  briefingSchema,
  briefingStorySchema,
  briefingVersionSchema,
  citedPassageSchema,
} from "../schemas/briefing";
import {
  diffBriefingVersions,
  getBriefing,
  listBriefingVersions,
  rebuildBriefing,
} from "../services/briefings";
import {
  lockHeadline,
  lockStorylineLabel,
  pinPoint,
  removeControl,
  strikePoint,
} from "../services/briefing-editing";
import {
  compareVersions,
  getEditorBriefingPage,
  listDraftsWaiting,
  publishDraft,
} from "../services/briefing-review";

const slug = z.string().min(1).max(200);
const version = z.number().int().positive();
/** The version the editor is looking at, so a control is taken from what they saw. */
const onVersion = z.object({ topic: slug, version });
const wording = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `Write the ${what}; it cannot be empty.`)
    .max(max, `Keep the ${what} under ${max} characters.`);

export const briefingRouter = router({
  /** Anyone: the latest published (or a given published) version of a topic's briefing with the stories and sentences it cites; null before the first publication. */
  get: publicProcedure
    .input(z.object({ topic: slug, version: version.optional() }))
    .output(
      z
        .object({
          topic: z.object({ id: z.string(), slug: z.string(), name: z.string(), description: z.string() }),
          version: z.number().int(),
          createdAt: z.date(),
          briefing: briefingSchema,
          stories: z.array(briefingStorySchema),
          passages: z.array(citedPassageSchema),
        })
        .nullable(),
    )
    .query(({ ctx, input }) => getBriefing(ctx.db, input.topic, input.version)),

  /** Anyone: every published version of a topic's briefing, newest first. */
  versions: publicProcedure
    .input(z.object({ topic: slug }))
    .output(z.array(briefingVersionSchema))
    .query(({ ctx, input }) => listBriefingVersions(ctx.db, input.topic)),

  /** Anyone: what changed between two published versions. */
  diff: publicProcedure
    .input(z.object({ topic: slug, from: version, to: version }))
    .output(briefingDiffSchema)
    .query(({ ctx, input }) => diffBriefingVersions(ctx.db, input.topic, input.from, input.to)),

  /** Admins: build the topic's briefing now and store it as a new version (a draft when the topic is reviewed before publishing). */
  rebuild: adminProcedure
    .input(z.object({ topic: slug }))
    .mutation(({ ctx, input }) => rebuildBriefing(ctx.db, input.topic, actorOf(ctx))),

  /** Editors: a topic's briefing page — every version with its state (drafts too), the one shown with what editors' controls did, the controls, the draft waiting and what it changes. */
  editorView: editorProcedure
    .input(z.object({ topic: slug, version: version.optional() }))
    .query(({ ctx, input }) => getEditorBriefingPage(ctx.db, input.topic, input.version)),

  /** Editors: two versions (drafts too) compared, with who pinned, struck or locked what in each. */
  compare: editorProcedure
    .input(z.object({ topic: slug, from: version, to: version }))
    .query(({ ctx, input }) => compareVersions(ctx.db, input.topic, input.from, input.to)),

  /** Editors: the drafts waiting to be published, oldest first. */
  drafts: editorProcedure.query(({ ctx }) => listDraftsWaiting(ctx.db)),

  /** Editors: publish the topic's waiting draft (the version reviewed); readers see it at once. */
  publish: editorProcedure
    .input(onVersion)
    .mutation(({ ctx, input }) => publishDraft(ctx.db, input.topic, input.version, actorOf(ctx))),

  /** Editors: pin a point to the top of its storyline, in this version and every later one. */
  pinPoint: editorProcedure
    .input(onVersion.extend({ pointId: z.string().min(1).max(300) }))
    .mutation(({ ctx, input }) => pinPoint(ctx.db, input, actorOf(ctx))),

  /** Editors: strike a point, with a reason; readers never see it again, in any version. */
  strikePoint: editorProcedure
    .input(
      onVersion.extend({ pointId: z.string().min(1).max(300), reason: wording("reason for striking", 500) }),
    )
    .mutation(({ ctx, input }) => strikePoint(ctx.db, input, actorOf(ctx))),

  /** Editors: lock a storyline's label (its heading on the reader) to their wording. */
  lockLabel: editorProcedure
    .input(onVersion.extend({ storylineId: z.string().min(1).max(300), label: wording("label", 200) }))
    .mutation(({ ctx, input }) => lockStorylineLabel(ctx.db, input, actorOf(ctx))),

  /** Editors: lock the briefing's headline to their wording. */
  lockHeadline: editorProcedure
    .input(onVersion.extend({ headline: wording("headline", 300) }))
    .mutation(({ ctx, input }) => lockHeadline(ctx.db, input, actorOf(ctx))),

  /** Editors: undo a pin, strike or lock; the engine's choice shows again. */
  removeControl: editorProcedure
    .input(z.object({ topic: slug, controlId: z.string().min(1).max(100) }))
    .mutation(({ ctx, input }) => removeControl(ctx.db, input, actorOf(ctx))),
});
