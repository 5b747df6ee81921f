// Prisma CLI configuration. Only `generate`, `validate` and `format` are used from the CLI:
// migrations are authored and applied by our own scripts (see scripts/), offline.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
