// One-click unsubscribe (RFC 8058): a mail client POSTs `List-Unsubscribe=One-Click` to the
// address in a digest's List-Unsubscribe header, with no cookies; the token turns that
// reader's digest off. A GET (a client that opens the address instead) leads to the page
// with the button, so fetching the address alone changes nothing.
import { getPublicCaller } from "~/server/public-caller";
import { siteUrl } from "~/server/site";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ token: string }> };

const text = (body: string, status: number) =>
  new Response(`${body}\n`, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });

export async function POST(_request: Request, context: Context): Promise<Response> {
  const token = decodeURIComponent((await context.params).token);
  const result = await getPublicCaller().digest.unsubscribe({ token: token || "-" });
  if (result.kind === "not-found")
    return text(
      "This unsubscribe address does not work: it is incomplete or mistyped. Turn the digest off on your account page instead.",
      404,
    );
  return text(`Unsubscribed: no more digest mails will be sent to ${result.email}.`, 200);
}

export async function GET(_request: Request, context: Context): Promise<Response> {
  const token = (await context.params).token;
  return Response.redirect(new URL(`/digest/unsubscribe/${token}`, siteUrl), 303);
}
