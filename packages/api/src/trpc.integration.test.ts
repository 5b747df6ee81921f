import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import type { RoleName, SessionUser } from "@dispatch/auth";
import { createTestDatabase, type TestDatabase } from "@dispatch/db/testing";
import {
  adminProcedure,
  createCallerFactory,
  editorProcedure,
  publicProcedure,
  readerProcedure,
  router,
  createInnerContext,
} from "./trpc";

// A router with one procedure of each kind, each answering with the role the caller acts with.
const probeRouter = router({
  publicProbe: publicProcedure.query(({ ctx }) => ctx.user?.role ?? "anonymous"),
  readerProbe: readerProcedure.query(({ ctx }) => ctx.role),
  editorProbe: editorProcedure.query(({ ctx }) => ctx.role),
  adminProbe: adminProcedure.query(({ ctx }) => ctx.role),
});
const createProbeCaller = createCallerFactory(probeRouter);

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

function userWith(role: RoleName): SessionUser {
  return { id: `user-${role}`, email: `${role}@example.test`, name: role, role };
}

type Probe = "publicProbe" | "readerProbe" | "editorProbe" | "adminProbe";
type Expectation = "ok" | "UNAUTHORIZED" | "FORBIDDEN";

// Rows: who calls. Columns: public, reader, editor, admin procedure.
const matrix: Record<RoleName | "anonymous", Record<Probe, Expectation>> = {
  anonymous: {
    publicProbe: "ok",
    readerProbe: "UNAUTHORIZED",
    editorProbe: "UNAUTHORIZED",
    adminProbe: "UNAUTHORIZED",
  },
  reader: { publicProbe: "ok", readerProbe: "ok", editorProbe: "FORBIDDEN", adminProbe: "FORBIDDEN" },
  editor: { publicProbe: "ok", readerProbe: "ok", editorProbe: "ok", adminProbe: "FORBIDDEN" },
  admin: { publicProbe: "ok", readerProbe: "ok", editorProbe: "ok", adminProbe: "ok" },
};

describe("role middleware", () => {
  for (const [who, row] of Object.entries(matrix)) {
    for (const [probe, expected] of Object.entries(row) as [Probe, Expectation][]) {
      it(`${who} calling ${probe} → ${expected}`, async () => {
        const user = who === "anonymous" ? null : userWith(who as RoleName);
        const caller = createProbeCaller(createInnerContext({ db: database.db, user }));
        if (expected === "ok") {
          await expect(caller[probe]()).resolves.toBe(user?.role ?? "anonymous");
        } else {
          const error = await caller[probe]().then(
            () => null,
            (caught: unknown) => caught,
          );
          expect(error).toBeInstanceOf(TRPCError);
          expect((error as TRPCError).code).toBe(expected);
          // The message tells the person what to do next.
          expect((error as TRPCError).message).toMatch(
            expected === "UNAUTHORIZED" ? /sign in/i : /ask an admin/i,
          );
        }
      });
    }
  }
});

describe("the operator (the CLI)", () => {
  it("passes every role check as an admin without being an account", async () => {
    const caller = createProbeCaller(createInnerContext({ db: database.db, operator: true, via: "cli" }));
    for (const probe of ["readerProbe", "editorProbe", "adminProbe"] as const)
      await expect(caller[probe]()).resolves.toBe("admin");
  });
});
