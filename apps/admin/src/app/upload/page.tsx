// Upload: the form (client) and the history of past uploads (server-rendered).
import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@dispatch/ui";
import { getCaller } from "~/server/context";
import { requireStaff } from "~/server/page-access";
import { UploadForm } from "./upload-form";

export const metadata: Metadata = { title: "Upload" };
export const dynamic = "force-dynamic";

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
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">By</th>
                  <th scope="col">Via</th>
                  <th scope="col" className="num">Stored</th>
                  <th scope="col" className="num">Duplicates</th>
                  <th scope="col" className="num">Rejected</th>
                </tr>
              </thead>
              <tbody>
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
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
