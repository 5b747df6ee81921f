import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "admin",
    root: new URL(".", import.meta.url).pathname,
    include: ["test/**/*.e2e.ts", "src/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // The journeys share one database and one worker; one file at a time keeps them apart.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
