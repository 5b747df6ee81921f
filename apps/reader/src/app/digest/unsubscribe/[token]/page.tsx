// Where a digest mail's "unsubscribe" link leads: one button turns the digest off. The link
// itself changes nothing, so a mail scanner opening it does not unsubscribe anyone; mail
// clients' own one-click unsubscribe posts to /api/digest/unsubscribe/<token>.
import type { Metadata } from "next";
import { UnsubscribeForm } from "~/components/unsubscribe-form";

export const metadata: Metadata = { title: "Unsubscribe from the digest", robots: { index: false } };

export default async function UnsubscribePage(props: { params: Promise<{ token: string }> }) {
  const { token } = await props.params;
  return (
    <section className="auth-card" aria-labelledby="unsubscribe-heading">
      <h1 id="unsubscribe-heading">Unsubscribe from the digest</h1>
      <p>Stop the digest mails of what is new in the topics you follow. You keep following them.</p>
      <UnsubscribeForm token={decodeURIComponent(token)} />
    </section>
  );
}
