// Briefings: each active topic's latest briefing version, with its checks at a glance.
import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@dispatch/ui";
import { getCaller } from "~/server/context";
import { requireStaff } from "~/server/page-access";

export const metadata: Metadata = { title: "Briefings" };
export const dynamic = "force-dynamic";

export default async function BriefingsPage() {
  await requireStaff();
  const caller = await getCaller();
  const topics = await caller.topic.list();
  const rows = await Promise.all(
    topics.map(async (topic) => ({ topic, versions: await caller.briefing.versions({ topic: topic.slug }) })),
  );
  return (
    <>
      <h1>Briefings</h1>
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Topic</th>
              <th scope="col" className="num">
                Stories tagged
              </th>
              <th scope="col" className="num">
                Latest version
              </th>
              <th scope="col">Built</th>
              <th scope="col" className="num">
                Stories in it
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ topic, versions }) => {
              const latest = versions[0];
              return (
                <tr key={topic.id}>
                  <td>
                    <Link href={`/briefings/${topic.slug}`}>{topic.name}</Link>
                  </td>
                  <td className="num">{topic.storyCount}</td>
                  <td className="num">{latest ? `v${latest.version}` : "—"}</td>
                  <td>
                    {latest ? formatDateTime(latest.createdAt) : <span className="muted">never built</span>}
                  </td>
                  <td className="num">{latest?.storyCount ?? "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
