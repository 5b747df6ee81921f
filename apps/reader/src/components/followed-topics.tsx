// The home page's "Following" shelf. Signed in, the account's followed topics, rendered on the
// server (nothing appears after the page loads); signed out, the ones this browser follows.
import { getCaller, getCurrentUser } from "~/server/context";
import { BrowserFollowedTopics, FollowingShelf } from "./browser-followed-topics";

type KnownTopic = { slug: string; name: string; headline: string | null };

export async function FollowedTopics(props: { known: KnownTopic[] }) {
  const user = await getCurrentUser();
  if (!user) return <BrowserFollowedTopics known={props.known} />;
  const follows = await (await getCaller()).follow.list();
  const topics = follows.flatMap((follow) => {
    const known = props.known.find((topic) => topic.slug === follow.slug);
    return known ? [known] : [];
  });
  return <FollowingShelf topics={topics} meLink />;
}
