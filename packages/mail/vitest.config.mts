import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "mail",
    root: new URL(".", import.meta.url).pathname,
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Integration tests share two cores with a PostgreSQL server; unit tests finish far sooner.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
