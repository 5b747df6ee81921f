import { describe, expect, it } from "vitest";
import { initTRPC } from "@trpc/server";
import { appRouter } from "../root";
import { adminProcedure, editorProcedure, publicProcedure, readerProcedure, router } from "../trpc";
import { isInAudience, listProcedures } from "./procedure-audiences";

describe("procedure audiences", () => {
  it("every procedure of the app router declares who may call it", () => {
    const procedures = listProcedures(appRouter);
    expect(procedures.length).toBeGreaterThan(30);
    const undeclared = procedures
      .filter((procedure) => procedure.audience === null)
      .map((procedure) => procedure.path);
    expect(
      undeclared,
      "build these from publicProcedure/readerProcedure/editorProcedure/adminProcedure in trpc.ts",
    ).toEqual([]);
  });

  it("reads the audience from the procedure kind, and notices a procedure built without one", () => {
    const bare = initTRPC.create();
    const probe = router({
      open: publicProcedure.query(() => 1),
      mine: readerProcedure.query(() => 1),
      edit: editorProcedure.mutation(() => 1),
      nested: router({ manage: adminProcedure.mutation(() => 1) }),
    });
    expect(listProcedures(probe)).toEqual([
      { path: "edit", type: "mutation", audience: "editor" },
      { path: "mine", type: "query", audience: "reader" },
      { path: "nested.manage", type: "mutation", audience: "admin" },
      { path: "open", type: "query", audience: "public" },
    ]);
    const undeclared = bare.router({ sneaky: bare.procedure.query(() => 1) });
    expect(listProcedures(undeclared)).toEqual([{ path: "sneaky", type: "query", audience: null }]);
  });

  it("orders roles reader < editor < admin, and lets nobody in below public", () => {
    expect(isInAudience(null, "public")).toBe(true);
    expect(isInAudience(null, "reader")).toBe(false);
    expect(isInAudience("reader", "editor")).toBe(false);
    expect(isInAudience("editor", "editor")).toBe(true);
    expect(isInAudience("editor", "admin")).toBe(false);
    expect(isInAudience("admin", "reader")).toBe(true);
  });
});
