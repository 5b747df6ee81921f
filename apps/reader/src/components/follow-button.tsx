// The topic page's Follow button. Signed in, it follows through the account (rendered on the
// server in its final state, so nothing changes size when the page hydrates, and it works
// without JavaScript); signed out, it follows in this browser, as before accounts.
import { getCaller, getCurrentUser } from "~/server/context";
import { AccountFollowButton } from "./account-follow-button";
import { BrowserFollowButton } from "./browser-follow-button";

export async function FollowButton(props: { slug: string; name: string }) {
  const user = await getCurrentUser();
  if (!user) return <BrowserFollowButton slug={props.slug} name={props.name} />;
  const follows = await (await getCaller()).follow.list();
  return (
    <AccountFollowButton
      slug={props.slug}
      name={props.name}
      following={follows.some((topic) => topic.slug === props.slug)}
    />
  );
}
