"use client";
// Follow a topic in this browser (signed out). Usable only once JavaScript runs: without it there is
// nothing to store the choice in, so until then the button keeps its place, invisible and
// out of the tab order, and nothing moves when it appears (layout shift).
import { useEffect, useState } from "react";
import { readFollowing, setFollowing } from "./following";

export function BrowserFollowButton(props: { slug: string; name: string }) {
  const [following, setFollowingState] = useState<boolean | null>(null);
  useEffect(() => {
    setFollowingState(readFollowing().some((topic) => topic.slug === props.slug));
  }, [props.slug]);
  if (following === null) {
    return (
      <button type="button" className="follow-button" style={{ visibility: "hidden" }} disabled aria-hidden>
        Follow topic
      </button>
    );
  }
  return (
    <button
      type="button"
      className={following ? "follow-button is-following" : "follow-button"}
      aria-pressed={following}
      onClick={() => {
        setFollowing({ slug: props.slug, name: props.name }, !following);
        setFollowingState(!following);
      }}
      title="Saved in this browser; sign in to follow with your account"
    >
      {following ? "Following" : "Follow topic"}
    </button>
  );
}
