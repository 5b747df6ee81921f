import { z } from "zod";
import { hasRole } from "@dispatch/auth";
import type { UploadFile } from "@dispatch/ingest";
import { FIELD_LIMITS, singleLineField } from "../schemas/single-line-fields";
import { actorOf, editorProcedure, router } from "../trpc";
import { commitUpload, describeTooManyFiles, MAX_FILES_PER_UPLOAD, previewUpload } from "../services/upload";
import { getUploadBatch, listUploadBatches } from "../services/upload-batches";
import { pageInput } from "../pagination";

/** A file as a browser sends it: text as is, anything else base64-encoded. */
const uploadFileInput = z
  .object({
    name: z.string().max(300).optional(),
    contentType: z.string().max(200).optional(),
    text: z.string().optional(),
    base64: z.string().optional(),
  })
  .refine((file) => (file.text === undefined) !== (file.base64 === undefined), {
    message: "Each file needs exactly one of `text` or `base64`.",
  });

const filesInput = z
  .array(uploadFileInput)
  .min(1, "Add at least one file or paste some text.")
  .max(MAX_FILES_PER_UPLOAD, {
    error: (issue) =>
      describeTooManyFiles(Array.isArray(issue.input) ? issue.input.length : MAX_FILES_PER_UPLOAD + 1),
  });

function toUploadFiles(files: z.infer<typeof filesInput>): UploadFile[] {
  return files.map((file) => ({
    ...(file.name ? { name: file.name } : {}),
    ...(file.contentType ? { contentType: file.contentType } : {}),
    bytes: file.text ?? new Uint8Array(Buffer.from(file.base64 ?? "", "base64")),
  }));
}

const storyOverride = z.object({
  title: singleLineField("title", FIELD_LIMITS.title).optional(),
  source: singleLineField("source", FIELD_LIMITS.source).nullable().optional(),
  publishedAt: z.iso
    .datetime({ offset: true, error: "The date is not a date; pick one from the calendar or clear it." })
    .nullable()
    .optional(),
  topicHint: singleLineField("topic line", FIELD_LIMITS.topicName).nullable().optional(),
});

export const uploadRouter = router({
  /** Editors: parse without storing; each item with its story, warnings and what cleaning dropped. */
  preview: editorProcedure
    .input(z.object({ files: filesInput }))
    .mutation(({ input }) => previewUpload(toUploadFiles(input.files))),

  /** Editors: parse and store; one result per item (stored, duplicate, rejected with the reason). */
  commit: editorProcedure
    .input(
      z.object({
        files: filesInput,
        overrides: z.record(z.string(), storyOverride).optional(),
        /** Tag stories with their topic line; a new topic is created for admins and requested from an admin for editors. */
        topicFromHint: z.boolean().default(false),
        /** Continue an upload started by an earlier call (files sent one by one). */
        batchId: z.string().min(1).optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      commitUpload(ctx.db, toUploadFiles(input.files), actorOf(ctx), {
        jobs: ctx.jobs,
        topicFromHint: input.topicFromHint,
        createTopics: hasRole(ctx.role, "admin"),
        ...(input.overrides ? { overrides: input.overrides } : {}),
        ...(input.batchId ? { batchId: input.batchId } : {}),
      }),
    ),

  /** Editors: past uploads with their counts, newest first. */
  batches: editorProcedure.input(pageInput).query(({ ctx, input }) => listUploadBatches(ctx.db, input)),

  /** Editors: one upload and the result of each of its items. */
  batch: editorProcedure
    .input(z.object({ id: z.string().min(1) }))
    .query(({ ctx, input }) => getUploadBatch(ctx.db, input.id)),
});
