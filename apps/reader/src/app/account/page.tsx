// The signed-in reader's account: who they are, the topics they follow (and those this browser
// followed before they signed in, offered for import), the digest (mail frequency, private
// feed address), and the ways out.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { formatDateTime } from "@dispatch/ui";
import { DigestForm } from "~/components/digest-form";
import { FollowImport } from "~/components/follow-import";
import { signOutAction } from "~/server/account-actions";
import { getCaller, getCurrentUser } from "~/server/context";
import { regenerateFeedTokenAction, revokeFeedTokenAction } from "~/server/digest-actions";
import { unfollowAction } from "~/server/follow-actions";
import { siteUrl } from "~/server/site";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

export default async function AccountPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?next=/account");
  const verified = (await props.searchParams).verified;
  const caller = await getCaller();
  const [follows, digest] = await Promise.all([caller.follow.list(), caller.me.digest()]);
  const feedBase = digest.feedToken ? `${siteUrl}/me/feed/${digest.feedToken}` : null;
  return (
    <section className="auth-card" aria-labelledby="account-heading">
      <h1 id="account-heading">Your account</h1>
      {verified ? (
        <p className="form-note" role="status">
          Your email address is verified and you are signed in.
        </p>
      ) : null}
      <p>
        Signed in as <strong>{user.name}</strong> ({user.email}).
      </p>
      <h2>Topics you follow</h2>
      {follows.length === 0 ? (
        <p className="muted">None yet: open a topic and choose Follow.</p>
      ) : (
        <ul id="followed-topics">
          {follows.map((topic) => (
            <li key={topic.slug}>
              <a href={`/topics/${encodeURIComponent(topic.slug)}`}>{topic.name}</a>{" "}
              <form className="inline-form" action={unfollowAction}>
                <input type="hidden" name="slug" value={topic.slug} />
                <button className="link-button" type="submit" aria-label={`Stop following ${topic.name}`}>
                  Stop following
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <FollowImport followedSlugs={follows.map((topic) => topic.slug)} />
      <p>
        <a href="/me">My briefing</a>: what is new in the topics you follow since your last visit.
      </p>
      <section id="digest" aria-labelledby="digest-heading">
        <h2 id="digest-heading">Digest</h2>
        <p>
          What is new in the topics you follow, each point with links to its sources, mailed to {user.email}{" "}
          only when there is something new.
          {digest.lastSentAt ? ` The last one went out ${formatDateTime(digest.lastSentAt)}.` : ""}
        </p>
        <DigestForm frequency={digest.frequency} />
        <h3 id="private-feed-heading">Private feed</h3>
        {feedBase ? (
          <>
            <p>
              The same news for your feed reader. These addresses are yours alone: anyone who has one can read
              your feed, so make a new one if it gets out.
            </p>
            <ul className="private-feed" aria-labelledby="private-feed-heading">
              <li>
                RSS: <code>{`${feedBase}.xml`}</code>
              </li>
              <li>
                Atom: <code>{`${feedBase}.atom`}</code>
              </li>
              <li>
                JSON Feed: <code>{`${feedBase}.json`}</code>
              </li>
            </ul>
            <div className="button-row">
              <form className="inline-form" action={regenerateFeedTokenAction}>
                <button className="button button--secondary" type="submit">
                  Make a new address
                </button>
              </form>
              <form className="inline-form" action={revokeFeedTokenAction}>
                <button className="button button--danger" type="submit">
                  Turn the private feed off
                </button>
              </form>
            </div>
            <p className="meta">A new address, or turning it off, stops the old address at once.</p>
          </>
        ) : (
          <form className="inline-form" action={regenerateFeedTokenAction}>
            <p>Read what is new in the topics you follow in a feed reader (RSS, Atom or JSON Feed).</p>
            <button className="button button--secondary" type="submit">
              Make my private feed address
            </button>
          </form>
        )}
      </section>
      <p className="meta">
        To change your password, <a href="/forgot-password">have a reset link mailed to you</a>.
      </p>
      <form className="form" action={signOutAction}>
        <button className="button" type="submit">
          Sign out
        </button>
      </form>
    </section>
  );
}
