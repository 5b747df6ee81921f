// The signed-in reader's account: who they are, the topics they follow (and those this browser
// followed before they signed in, offered for import), and the ways out.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { FollowImport } from "~/components/follow-import";
import { signOutAction } from "~/server/account-actions";
import { getCaller, getCurrentUser } from "~/server/context";
import { unfollowAction } from "~/server/follow-actions";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

export default async function AccountPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?next=/account");
  const verified = (await props.searchParams).verified;
  const follows = await (await getCaller()).follow.list();
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
