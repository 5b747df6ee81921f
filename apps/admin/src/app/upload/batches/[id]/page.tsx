// One past upload: who, when, and what became of each item.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { formatDateTime } from "@dispatch/ui";
import { getCaller } from "~/server/context";
import { requireStaff } from "~/server/page-access";
import { ResultList } from "../../result-list";

export const metadata: Metadata = { title: "Upload" };
export const dynamic = "force-dynamic";

export default async function UploadBatchPage(props: { params: Promise<{ id: string }> }) {
  await requireStaff();
  const { id } = await props.params;
  const caller = await getCaller();
  const batch = await caller.upload.batch({ id }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return (
    <>
      <p className="kicker">
        <Link href="/upload">Upload</Link>
      </p>
      <h1>Upload of {formatDateTime(batch.createdAt)}</h1>
      <p className="muted">
        By {batch.uploader?.email ?? "unknown"} via {batch.via} · {batch.storedCount} stored ·{" "}
        {batch.duplicateCount} duplicates · {batch.rejectedCount} rejected
      </p>
      <ResultList
        items={batch.items.map((item) => ({
          item: item.filename ?? `item ${item.position + 1}`,
          title: item.title,
          status: item.status,
          message: item.message,
          storyId: item.storyId,
          duplicateOfId: item.duplicateOfId,
        }))}
      />
    </>
  );
}
