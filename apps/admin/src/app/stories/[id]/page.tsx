// One story for editing: its fields, deletion, and its topics (tags and pending suggestions).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { formatDateTime } from "@dispatch/ui";
import { getCaller } from "~/server/context";
import { isAdmin, requireStaff } from "~/server/page-access";
import { StoryEditor, StoryTopics } from "./story-editor";

export const metadata: Metadata = { title: "Edit story" };
export const dynamic = "force-dynamic";

export default async function StoryPage(props: { params: Promise<{ id: string }> }) {
  const user = await requireStaff();
  const { id } = await props.params;
  const caller = await getCaller();
  const story = await caller.story
    .getForEditing({ idOrSlug: decodeURIComponent(id) })
    .catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
      throw error;
    });
  const topics = await caller.topic.list();
  return (
    <>
      <p className="kicker">
        <Link href="/stories">Stories</Link>
      </p>
      <h1>{story.title}</h1>
      <p className="muted">
        {story.source ?? "Unknown source"} · ingested {formatDateTime(story.ingestedAt)} ·{" "}
        <span className={`status status--${story.status}`}>{story.status}</span>
        {story.deletedAt ? (
          <span className="status status--rejected">deleted {formatDateTime(story.deletedAt)}</span>
        ) : null}
      </p>
      {story.nearDuplicateOf ? (
        <p className="form-note">
          Near duplicate ({Math.round((story.nearDuplicateOf.score ?? 0) * 100)}% similar) of{" "}
          <Link href={`/stories/${story.nearDuplicateOf.id}`}>{story.nearDuplicateOf.title}</Link>.
        </p>
      ) : null}
      <div className="two-col">
        <StoryEditor story={story} />
        <StoryTopics
          storyId={story.id}
          tags={story.topics}
          topics={topics.map((topic) => ({ id: topic.id, slug: topic.slug, name: topic.name }))}
          canReview={isAdmin(user)}
        />
      </div>
    </>
  );
}
