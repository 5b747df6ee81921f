// Topics: the active topics with their story counts; admins create new ones here.
import type { Metadata } from "next";
import Link from "next/link";
import { getCaller } from "~/server/context";
import { isAdmin, requireStaff } from "~/server/page-access";
import { TopicForm } from "./topic-form";

export const metadata: Metadata = { title: "Topics" };
export const dynamic = "force-dynamic";

export default async function TopicsPage() {
  const user = await requireStaff();
  const caller = await getCaller();
  const topics = await caller.topic.list();
  return (
    <>
      <h1>Topics</h1>
      <div className="two-col">
        <section aria-labelledby="list-heading" className="panel">
          <h2 id="list-heading">Active topics ({topics.length})</h2>
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Slug</th>
                  <th scope="col" className="num">
                    Stories
                  </th>
                </tr>
              </thead>
              <tbody>
                {topics.map((topic) => (
                  <tr key={topic.id}>
                    <td>
                      <Link href={`/topics/${topic.slug}`}>{topic.name}</Link>
                      {topic.description ? <div className="meta">{topic.description}</div> : null}
                    </td>
                    <td className="cell-mono">/{topic.slug}</td>
                    <td className="num">{topic.storyCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        {isAdmin(user) ? (
          <section aria-labelledby="create-heading" className="panel">
            <h2 id="create-heading">New topic</h2>
            <TopicForm mode="create" />
          </section>
        ) : (
          <p className="empty-state">Editors can read topics; an admin creates, edits and merges them.</p>
        )}
      </div>
    </>
  );
}
