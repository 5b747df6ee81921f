// The routers over HTTP (fetch Request → Response), for both apps' /api/trpc route.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "./root";
import type { InnerContext } from "./trpc";

export function createTrpcHandler(createContext: (req: Request) => Promise<InnerContext>) {
  return function handleTrpcRequest(req: Request): Promise<Response> {
    return fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: () => createContext(req) });
  };
}
