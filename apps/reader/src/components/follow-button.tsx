"use client";
// Follow a topic in this browser. Rendered only once JavaScript runs: without it there is
// nothing to store the choice in, so no dead button is shown.
import { useEffect, useState } from "react";
import { readFollowing, setFollowing } from "./following";

export function FollowButton(props: { slug: string; name: string }) {
  const [following, setFollowingState] = useState<boolean | null>(null);
  useEffect(() => {
    setFollowingState(readFollowing().some((topic) => topic.slug === props.slug));
  }, [props.slug]);
  if (following === null) return null;
  return (
    <button
      type="button"
      className={following ? "follow-button is-following" : "follow-button"}
      aria-pressed={following}
      onClick={() => {
        setFollowing({ slug: props.slug, name: props.name }, !following);
        setFollowingState(!following);
      }}
      title="Saved in this browser; no account needed"
    >
      {following ? "Following" : "Follow topic"}
    </button>
  );
}
