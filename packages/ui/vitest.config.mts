import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "ui",
    root: new URL(".", import.meta.url).pathname,
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  },
});
