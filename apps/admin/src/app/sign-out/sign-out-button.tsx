// A sign-out button for the masthead: a one-button form posting to the sign-out action.
import { signOutAction } from "../sign-in/actions";

export function SignOutButton() {
  return (
    <form className="inline-form" action={signOutAction}>
      <button className="link-button" type="submit">
        Sign out
      </button>
    </form>
  );
}
