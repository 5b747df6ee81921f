import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "worker",
    root: new URL(".", import.meta.url).pathname,
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  },
});
