// The role matrix: every procedure of the routers × signed out, reader, editor and admin, over
// HTTP on both built apps. Procedures are read from the router itself, so a new one is covered
// the day it lands, and one without a declared audience fails here. Below its audience a call
// must be refused (401 signed out, 403 signed in); at or above, it must get past the role check
// (200, or 400 for the deliberately empty input). The public reader must not answer editor or
// admin procedures at all (404).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  appRouter,
  isInAudience,
  listProcedures,
  readerTrpcRouter,
  type Audience,
  type ProcedureEntry,
} from "@dispatch/api";
import { hasChromium, NO_CHROMIUM_REASON } from "@dispatch/ui/testing";
import { startSecurityStack, type SecurityStack } from "./security-stack";

type Role = "reader" | "editor" | "admin";
type Caller = { label: string; role: Role | null; cookie: string | null };
type Outcome = { status: number; code: string | null };
type App = "admin" | "reader";

const procedures = listProcedures(appRouter);
/** What the reader app mounts: the public reads and a signed-in reader's own procedures. */
const onReader = new Set(listProcedures(readerTrpcRouter).map((procedure) => procedure.path));

let stack: SecurityStack;
let callers: Caller[] = [];

beforeAll(async () => {
  if (!hasChromium) return;
  stack = await startSecurityStack();
  callers = [{ label: "signed out", role: null, cookie: null }];
  for (const role of ["reader", "editor", "admin"] as const) {
    callers.push({ label: role, role, cookie: (await stack.signInAs(role)).cookie });
  }
});

afterAll(async () => {
  await stack?.stop();
});

/**
 * Calls a procedure as a browser would (queries GET, mutations POST with the app's own Origin),
 * with no input: nothing is changed, and the role check runs before input validation.
 */
async function call(baseUrl: string, procedure: ProcedureEntry, caller: Caller): Promise<Outcome> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (caller.cookie) headers["cookie"] = caller.cookie;
  const url = `${baseUrl}/api/trpc/${procedure.path}`;
  const response =
    procedure.type === "mutation"
      ? await fetch(url, {
          method: "POST",
          headers: { ...headers, origin: baseUrl, "content-type": "application/json" },
          body: "{}",
        })
      : await fetch(url, { headers });
  const text = await response.text();
  let code: string | null = null;
  try {
    const body = JSON.parse(text) as { error?: { json?: { data?: { code?: string } } } };
    code = body.error?.json?.data?.code ?? null;
  } catch {
    code = null;
  }
  return { status: response.status, code };
}

/** What a caller must get: refused with this status and code, or let through the role check. */
function expectedOutcome(
  app: App,
  path: string,
  audience: Audience,
  role: Role | null,
): { refused: Outcome | null } {
  // The reader does not mount staff procedures, nor the pages' in-process queries, for anyone.
  if (app === "reader" && !onReader.has(path)) return { refused: { status: 404, code: "NOT_FOUND" } };
  if (isInAudience(role, audience)) return { refused: null };
  return {
    refused: role === null ? { status: 401, code: "UNAUTHORIZED" } : { status: 403, code: "FORBIDDEN" },
  };
}

function describeMismatch(
  app: App,
  procedure: ProcedureEntry,
  caller: Caller,
  outcome: Outcome,
): string | null {
  if (procedure.audience === null) return null; // reported by its own test
  const { refused } = expectedOutcome(app, procedure.path, procedure.audience, caller.role);
  if (refused) {
    if (outcome.status === refused.status && outcome.code === refused.code) return null;
    return `${app} ${procedure.path} (${procedure.audience}) as ${caller.label}: expected ${refused.status} ${refused.code}, got ${outcome.status} ${outcome.code ?? ""}`.trim();
  }
  // Let through: the answer is the procedure's own (data, or the empty input refused as 400).
  if (outcome.status === 200 || (outcome.status === 400 && outcome.code === "BAD_REQUEST")) return null;
  return `${app} ${procedure.path} (${procedure.audience}) as ${caller.label}: expected to pass the role check (200 or 400), got ${outcome.status} ${outcome.code ?? ""}`.trim();
}

describe.skipIf(!hasChromium)(`role matrix over HTTP${hasChromium ? "" : ` (${NO_CHROMIUM_REASON})`}`, () => {
  it("finds every procedure of the routers, each with a declared audience", () => {
    expect(procedures.length).toBeGreaterThan(30);
    expect(
      procedures.filter((procedure) => procedure.audience === null).map((procedure) => procedure.path),
    ).toEqual([]);
  });

  it("mounts no editor or admin procedure on the reader app", () => {
    expect(
      listProcedures(readerTrpcRouter)
        .filter((procedure) => procedure.audience === "editor" || procedure.audience === "admin")
        .map((procedure) => procedure.path),
    ).toEqual([]);
  });

  for (const app of ["admin", "reader"] as const) {
    it(`${app} app: every procedure × signed out, reader, editor, admin answers as its audience allows`, async () => {
      const baseUrl = app === "admin" ? stack.adminUrl : stack.readerUrl;
      const mismatches: string[] = [];
      let checked = 0;
      for (const procedure of procedures) {
        const outcomes = await Promise.all(callers.map((caller) => call(baseUrl, procedure, caller)));
        outcomes.forEach((outcome, index) => {
          const caller = callers[index];
          if (!caller) return;
          checked += 1;
          const mismatch = describeMismatch(app, procedure, caller, outcome);
          if (mismatch) mismatches.push(mismatch);
        });
      }
      console.info(
        `[security] ${app}: ${procedures.length} procedures × ${callers.length} callers = ${checked} calls checked`,
      );
      expect(mismatches).toEqual([]);
    });
  }
});
