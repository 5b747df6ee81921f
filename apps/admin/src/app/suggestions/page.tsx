// The review queue: topics editors' uploads asked for, then pending topic suggestions with
// their reasons, for admins to approve or reject in bulk, by mouse or keyboard.
import type { Metadata } from "next";
import { getCaller } from "~/server/context";
import { isAdmin, requireStaff, RoleNotice } from "~/server/page-access";
import { ReviewQueue } from "./review-queue";
import { TopicRequests } from "./topic-requests";

export const metadata: Metadata = { title: "Review queue" };
export const dynamic = "force-dynamic";

export default async function SuggestionsPage() {
  const user = await requireStaff();
  if (!isAdmin(user)) {
    return (
      <>
        <h1>Review queue</h1>
        <RoleNotice needs="admin" user={user} />
      </>
    );
  }
  const caller = await getCaller();
  const [initial, requests] = await Promise.all([
    caller.suggestion.list({ limit: 100 }),
    caller.suggestion.topicRequests({ limit: 50 }),
  ]);
  return (
    <>
      <h1>Review queue</h1>
      <TopicRequests initial={requests} />
      <ReviewQueue initial={initial} />
    </>
  );
}
