// Before the reader's journeys: a fresh database with the demo newsroom, and the built
// reader served against it. Without Chromium, nothing is started and the journeys skip.
import type { TestProject } from "vitest/node";
import { createTopic, mergeTopics, noJobs, seedDemo } from "@dispatch/api";
import { createTestDatabase } from "@dispatch/db/testing";
import { hasChromium, NO_CHROMIUM_REASON, startBuiltApp } from "@dispatch/ui/testing";

declare module "vitest" {
  export interface ProvidedContext {
    readerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!hasChromium) {
    console.warn(`[reader e2e] ${NO_CHROMIUM_REASON}`);
    project.provide("readerUrl", "");
    return;
  }
  const database = await createTestDatabase();
  await seedDemo(database.db);
  // A topic that was merged away: its old address must still lead readers somewhere.
  const actor = { userId: null, via: "cli" as const };
  await createTopic(database.db, { name: "Saltmere dock dispute" }, actor);
  await mergeTopics(database.db, "saltmere-dock-dispute", "saltmere-port-strike", actor, noJobs);
  // A throwaway secret: the reader reads sessions (for signed-in extras) even though its pages are public.
  const app = await startBuiltApp("reader", {
    DATABASE_URL: database.url,
    AUTH_SECRET: "reader-e2e-secret-0123456789abcdef0123456789",
  });
  project.provide("readerUrl", app.url);
  return async () => {
    await app.stop();
    await database.drop();
  };
}
