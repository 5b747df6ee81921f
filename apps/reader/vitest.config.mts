import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "reader",
    root: new URL(".", import.meta.url).pathname,
    include: ["test/**/*.e2e.ts", "src/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
