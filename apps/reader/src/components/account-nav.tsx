// The masthead's account links: "Sign in" for visitors; My briefing, the reader's name (to their
// account) and a sign-out button once signed in. Rendered on the server with the page, so the
// masthead does not change after it loads.
import { signOutAction } from "~/server/account-actions";
import { getCurrentUser } from "~/server/context";

export async function AccountNav() {
  const user = await getCurrentUser();
  if (!user) return <a href="/sign-in">Sign in</a>;
  return (
    <>
      <a href="/me">My briefing</a>
      <a href="/account" title={`Signed in as ${user.email}`}>
        {user.name}
      </a>
      <form className="inline-form" action={signOutAction}>
        <button className="link-button" type="submit">
          Sign out
        </button>
      </form>
    </>
  );
}
