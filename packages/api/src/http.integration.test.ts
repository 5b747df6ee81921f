import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RoleName, SessionUser } from "@dispatch/auth";
import { createTestDatabase, type TestDatabase } from "@dispatch/db/testing";
import { createTrpcHandler } from "./http";
import { appRouter, readerRouter } from "./root";
import { listProcedures } from "./security/procedure-audiences";
import { createInnerContext } from "./trpc";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  // The audit log names the acting user, so the admin must exist.
  await database.db.user.create({
    data: { id: admin.id, email: admin.email, name: admin.name, role: "admin", emailVerified: true },
  });
});
afterAll(async () => {
  await database.drop();
});

const admin: SessionUser = { id: "user-admin", email: "admin@example.test", name: "Admin", role: "admin" };
const userWith = (role: RoleName): SessionUser => ({ ...admin, id: `user-${role}`, role });

function handlerFor(router: typeof appRouter | typeof readerRouter, user: SessionUser | null) {
  return createTrpcHandler({
    router,
    createContext: async () => createInnerContext({ db: database.db, user, via: "ui" }),
    ownOrigins: () => ["https://admin.example.test"],
  });
}

async function createTopicOver(headers: Record<string, string>, name: string) {
  const response = await handlerFor(
    appRouter,
    admin,
  )(
    new Request("http://localhost:3001/api/trpc/topic.create", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ json: { name } }),
    }),
  );
  const body = (await response.json()) as { error?: { json: { message: string } } };
  return { status: response.status, message: body.error?.json.message ?? null };
}

describe("mutations over HTTP check where the request came from", () => {
  it("refuses a cross-site mutation carrying an admin's session, with a 403 that says why", async () => {
    const forged: Array<Record<string, string>> = [
      { origin: "https://evil.example" },
      { origin: "null" },
      { origin: "http://localhost:3000" }, // the reader, another origin on the same site
      { origin: "http://localhost:3001.evil.example" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
    ];
    for (const headers of forged) {
      const result = await createTopicOver(headers, `Forged topic ${JSON.stringify(headers)}`);
      expect(result, JSON.stringify(headers)).toMatchObject({
        status: 403,
        message: expect.stringMatching(/sent from another site .* refused/),
      });
    }
    expect(await database.db.topic.count({ where: { name: { startsWith: "Forged topic" } } })).toBe(0);
  });

  it("accepts the app's own origin, its configured public origin, and clients that are not browsers", async () => {
    const honest: Array<Record<string, string>> = [
      { origin: "http://localhost:3001", "sec-fetch-site": "same-origin" },
      { origin: "https://admin.example.test" },
      { origin: "http://127.0.0.1:4001", host: "127.0.0.1:4001" },
      { "sec-fetch-site": "same-origin" },
      {},
    ];
    for (const [index, headers] of honest.entries()) {
      expect(await createTopicOver(headers, `Honest topic ${index}`)).toMatchObject({ status: 200 });
    }
    expect(await database.db.topic.count({ where: { name: { startsWith: "Honest topic" } } })).toBe(5);
  });

  it("still answers cross-site reads (they change nothing; CORS keeps their answers from the other site)", async () => {
    const response = await handlerFor(
      appRouter,
      null,
    )(
      new Request("http://localhost:3001/api/trpc/topic.list", {
        headers: { origin: "https://evil.example" },
      }),
    );
    expect(response.status).toBe(200);
  });
});

describe("the reader router", () => {
  it("holds only public queries", () => {
    const procedures = listProcedures(readerRouter);
    expect(procedures.length).toBeGreaterThan(5);
    expect(
      procedures.filter((procedure) => procedure.audience !== "public" || procedure.type !== "query"),
    ).toEqual([]);
  });

  it("answers no editor or admin procedure over HTTP, whoever calls", async () => {
    const staffOnly = listProcedures(appRouter).filter((procedure) => procedure.audience !== "public");
    expect(staffOnly.length).toBeGreaterThan(10);
    for (const role of ["admin", "editor"] as const) {
      const handle = handlerFor(readerRouter, userWith(role));
      for (const procedure of staffOnly) {
        const request =
          procedure.type === "mutation"
            ? new Request(`http://localhost:3000/api/trpc/${procedure.path}`, {
                method: "POST",
                headers: { "content-type": "application/json" },
                body: "{}",
              })
            : new Request(`http://localhost:3000/api/trpc/${procedure.path}`);
        const response = await handle(request);
        expect(response.status, `${role} → ${procedure.path}`).toBe(404);
      }
    }
  });
});
