import { defineConfig } from "vitest/config";

// One run for every package: unit tests (*.test.ts) beside the code, integration tests
// (*.integration.test.ts) on a fresh PostgreSQL database, browser journeys (*.e2e.ts).
export default defineConfig({
  test: {
    projects: ["packages/*/vitest.config.mts", "apps/*/vitest.config.mts"],
  },
});
