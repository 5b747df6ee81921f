// Past uploads and what became of each item, for the upload history page.
import type { Db } from "@dispatch/db";
import { notFound } from "../errors";
import { cursorArgs, toPage, type PageInput } from "../pagination";

export async function listUploadBatches(db: Db, input: PageInput) {
  const rows = await db.uploadBatch.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...cursorArgs(input),
    select: {
      id: true,
      via: true,
      createdAt: true,
      storedCount: true,
      duplicateCount: true,
      rejectedCount: true,
      uploader: { select: { email: true, name: true } },
    },
  });
  return toPage(rows, input.limit);
}

export async function getUploadBatch(db: Db, id: string) {
  const batch = await db.uploadBatch.findUnique({
    where: { id },
    select: {
      id: true,
      via: true,
      createdAt: true,
      storedCount: true,
      duplicateCount: true,
      rejectedCount: true,
      uploader: { select: { email: true, name: true } },
      items: {
        orderBy: { position: "asc" },
        select: {
          position: true,
          filename: true,
          title: true,
          status: true,
          message: true,
          storyId: true,
          duplicateOfId: true,
          story: { select: { slug: true } },
        },
      },
    },
  });
  if (!batch) throw notFound(`Upload ${id}`);
  return batch;
}
