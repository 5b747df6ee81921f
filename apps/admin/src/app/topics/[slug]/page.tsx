// One topic: admins edit it, test its keyword rule, merge or archive it; editors read it.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { formatDateTime } from "@dispatch/ui";
import { getCaller } from "~/server/context";
import { isAdmin, requireStaff } from "~/server/page-access";
import { TopicActions, TopicForm } from "../topic-form";

export const metadata: Metadata = { title: "Topic" };
export const dynamic = "force-dynamic";

function Terms({ values }: { values: string[] }) {
  return values.length === 0 ? <span className="muted">none</span> : <>{values.join(", ")}</>;
}

export default async function TopicPage(props: { params: Promise<{ slug: string }> }) {
  const user = await requireStaff();
  const { slug } = await props.params;
  const caller = await getCaller();
  const topic = await caller.topic
    .getForEditing({ topic: decodeURIComponent(slug) })
    .catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
      throw error;
    });
  const topics = await caller.topic.list();
  const admin = isAdmin(user);
  return (
    <>
      <p className="kicker">
        <Link href="/topics">Topics</Link>
      </p>
      <h1>{topic.name}</h1>
      <p className="muted">
        /{topic.slug} · <span className={`status status--${topic.status}`}>{topic.status}</span>
        {topic.mergedInto ? (
          <>
            {" "}
            · merged into <Link href={`/topics/${topic.mergedInto.slug}`}>/{topic.mergedInto.slug}</Link>
          </>
        ) : null}{" "}
        · updated {formatDateTime(topic.updatedAt)} ·{" "}
        <Link href={`/stories?topic=${topic.slug}`}>Stories</Link> ·{" "}
        <Link href={`/briefings/${topic.slug}`}>Briefing</Link>
      </p>
      {admin ? (
        <div className="two-col">
          <section aria-labelledby="edit-heading" className="panel">
            <h2 id="edit-heading">Edit</h2>
            <TopicForm mode="edit" topic={topic} />
          </section>
          <TopicActions topic={topic} others={topics.filter((other) => other.id !== topic.id)} />
        </div>
      ) : (
        <section className="panel" aria-labelledby="rule-heading">
          <h2 id="rule-heading">Rule</h2>
          <dl className="facts">
            <dt>Description</dt>
            <dd>{topic.description || <span className="muted">none</span>}</dd>
            <dt>Aliases</dt>
            <dd>
              <Terms values={topic.aliases} />
            </dd>
            <dt>Include terms</dt>
            <dd>
              <Terms values={topic.includeTerms} />
            </dd>
            <dt>Exclude terms</dt>
            <dd>
              <Terms values={topic.excludeTerms} />
            </dd>
            <dt>Only from sources</dt>
            <dd>
              <Terms values={topic.ruleSources} />
            </dd>
            <dt>Auto-approve</dt>
            <dd>{topic.autoApprove ? "yes" : "no"}</dd>
          </dl>
          <p className="meta">Only admins edit topics.</p>
        </section>
      )}
    </>
  );
}
