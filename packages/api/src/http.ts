// A router over HTTP (fetch Request → Response), for each app's /api/trpc route: the admin
// mounts the whole app router, the reader only its public reads. Calls a browser sent from
// another site are marked here, so mutations can refuse them (see trpc.ts).
import type { AnyTRPCRouter } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { AppError, toTRPCError } from "./errors";
import { MAX_REQUEST_BYTES, readBodyWithin } from "./request-body-limit";
import type { InnerContext } from "./trpc";

export type TrpcHandlerOptions<TRouter extends AnyTRPCRouter> = {
  router: TRouter;
  createContext: (req: Request) => Promise<InnerContext>;
  /** The app's public origins (e.g. DISPATCH_ADMIN_URL), beside the origin the request was addressed to. */
  ownOrigins?: () => string[];
  /** Bodies over this many bytes are refused (413) before anything reads them whole. */
  maxBodyBytes?: number;
};

/**
 * The site a browser says sent this request, when it is not this app: the Origin header
 * (browsers send it on every POST), else Sec-Fetch-Site. Null for same-origin calls and for
 * clients that are not browsers (no ambient cookies to abuse).
 */
export function foreignOriginOf(req: Request, ownOrigins: string[] = []): string | null {
  const origin = req.headers.get("origin");
  if (origin !== null) {
    if (ownOrigins.some((url) => new URL(url).origin === origin)) return null;
    // The host the browser addressed (a page on another site cannot change Host, nor add
    // X-Forwarded-Host without a preflight it would fail).
    const addressed = [req.headers.get("x-forwarded-host"), req.headers.get("host"), new URL(req.url).host];
    const host = URL.canParse(origin) ? new URL(origin).host : null;
    return host !== null && addressed.includes(host) ? null : origin;
  }
  const site = req.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") return `a ${site} page`;
  return null;
}

export function createTrpcHandler<TRouter extends AnyTRPCRouter>(options: TrpcHandlerOptions<TRouter>) {
  return async function handleTrpcRequest(incoming: Request): Promise<Response> {
    const limited = await readBodyWithin(incoming, options.maxBodyBytes ?? MAX_REQUEST_BYTES);
    if (!limited.ok) {
      // Answered by tRPC itself, so clients get their usual error shape (one per batched call).
      const tooLarge = toTRPCError(new AppError("TOO_LARGE", limited.message));
      return fetchRequestHandler({
        endpoint: "/api/trpc",
        req: new Request(incoming.url, {
          method: incoming.method,
          headers: { "content-type": "application/json" },
          body: "{}",
        }),
        router: options.router,
        createContext: () => Promise.reject(tooLarge),
      });
    }
    const req = limited.request;
    return fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: options.router,
      createContext: async () => ({
        ...(await options.createContext(req)),
        foreignOrigin: foreignOriginOf(req, options.ownOrigins?.() ?? []),
      }),
    });
  };
}
