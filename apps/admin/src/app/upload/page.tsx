// Upload: the form (client) and the history of past uploads (server-rendered).
import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@dispatch/ui";
import { DataTable } from "~/components/data-table";
import { getCaller } from "~/server/context";
import { requireStaff } from "~/server/page-access";
import { UploadForm } from "./upload-form";

export const metadata: Metadata = { title: "Upload" };
export const dynamic = "force-dynamic";

const BATCH_COLUMNS = [
  { label: "When" },
  { label: "By" },
  { label: "Via" },
  { label: "Stored", className: "num" },
  { label: "Duplicates", className: "num" },
  { label: "Rejected", className: "num" },
];

export default async function UploadPage() {
  await requireStaff();
  const caller = await getCaller();
  const batches = await caller.upload.batches({ limit: 15 });
  return (
    <>
      <h1>Upload</h1>
      <UploadForm />
      <section aria-labelledby="history-heading" className="panel">
        <h2 id="history-heading">Past uploads</h2>
        {batches.items.length === 0 ? (
          <p className="muted">No uploads yet.</p>
        ) : (
          <DataTable columns={BATCH_COLUMNS}>
            {batches.items.map((batch) => (
              <tr key={batch.id}>
                <td>
                  <Link href={`/upload/batches/${batch.id}`}>{formatDateTime(batch.createdAt)}</Link>
                </td>
                <td>{batch.uploader?.email ?? "—"}</td>
                <td>{batch.via}</td>
                <td className="num">{batch.storedCount}</td>
                <td className="num">{batch.duplicateCount}</td>
                <td className="num">{batch.rejectedCount}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}
