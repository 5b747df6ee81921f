// Every procedure of a router with the audience it declares (public, reader, editor, admin),
// read from the router object itself, so the security suite covers a procedure the day it is
// added — and fails when one is added without an audience.
import type { AnyTRPCRouter } from "@trpc/server";
import type { Audience } from "../trpc";

export const AUDIENCES = ["public", "reader", "editor", "admin"] as const satisfies readonly Audience[];

export type ProcedureEntry = {
  /** The dotted path a client calls, e.g. `story.update`. */
  path: string;
  type: "query" | "mutation" | "subscription";
  /** null when the procedure declares none (built outside the procedure kinds in trpc.ts). */
  audience: Audience | null;
};

type ProcedureDef = { _def: { type: ProcedureEntry["type"]; meta?: unknown } };

function audienceOf(meta: unknown): Audience | null {
  if (typeof meta !== "object" || meta === null || !("audience" in meta)) return null;
  const audience = (meta as { audience: unknown }).audience;
  return AUDIENCES.find((candidate) => candidate === audience) ?? null;
}

/** The router's procedures, sorted by path. */
export function listProcedures(router: AnyTRPCRouter): ProcedureEntry[] {
  const procedures = router._def.procedures as Record<string, ProcedureDef>;
  return Object.entries(procedures)
    .map(([path, procedure]) => ({
      path,
      type: procedure._def.type,
      audience: audienceOf(procedure._def.meta),
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Whether an account with `role` (or nobody, for null) is in a procedure's audience. */
export function isInAudience(role: "reader" | "editor" | "admin" | null, audience: Audience): boolean {
  if (audience === "public") return true;
  if (role === null) return false;
  return AUDIENCES.indexOf(role) >= AUDIENCES.indexOf(audience);
}
