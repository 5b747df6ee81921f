// Briefings: the drafts waiting for an editor (topics reviewed before publishing), then each
// active topic's published briefing version.
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
  const [topics, drafts] = await Promise.all([caller.topic.list(), caller.briefing.drafts()]);
  const rows = await Promise.all(
    topics.map(async (topic) => ({ topic, versions: await caller.briefing.versions({ topic: topic.slug }) })),
  );
  return (
    <>
      <h1>Briefings</h1>
      <section aria-labelledby="drafts-heading" className="panel">
        <h2 id="drafts-heading">Drafts waiting for review</h2>
        {drafts.length === 0 ? (
          <p className="muted">
            None. Topics reviewed before publishing list their new drafts here until an editor publishes them.
          </p>
        ) : (
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Topic</th>
                  <th scope="col" className="num">
                    Draft
                  </th>
                  <th scope="col">Built</th>
                  <th scope="col" className="num">
                    Stories in it
                  </th>
                  <th scope="col" className="num">
                    Readers see
                  </th>
                </tr>
              </thead>
              <tbody>
                {drafts.map((draft) => (
                  <tr key={draft.topic.slug}>
                    <td>
                      <Link
                        href={
                          draft.publishedVersion !== null
                            ? `/briefings/${draft.topic.slug}?v=${draft.version}&from=${draft.publishedVersion}&to=${draft.version}`
                            : `/briefings/${draft.topic.slug}?v=${draft.version}`
                        }
                      >
                        {draft.topic.name}
                      </Link>
                    </td>
                    <td className="num">v{draft.version}</td>
                    <td>{formatDateTime(draft.builtAt)}</td>
                    <td className="num">{draft.storyCount}</td>
                    <td className="num">
                      {draft.publishedVersion !== null ? `v${draft.publishedVersion}` : "nothing yet"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Topic</th>
              <th scope="col" className="num">
                Stories tagged
              </th>
              <th scope="col" className="num">
                Published version
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
                    {latest ? (
                      formatDateTime(latest.createdAt)
                    ) : (
                      <span className="muted">never published</span>
                    )}
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
