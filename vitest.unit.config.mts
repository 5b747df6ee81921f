import { defineConfig } from "vitest/config";

// `pnpm test:unit`: the unit tier alone — every `*.test.ts` beside the code, no database, no
// browser, no app build. `pnpm test` (vitest.config.mts) stays the whole suite CI runs.
export default defineConfig({
  test: {
    name: "unit",
    include: ["{packages,apps}/*/{src,test}/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/*.integration.test.ts"],
    testTimeout: 30_000,
  },
});
