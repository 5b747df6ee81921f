// Lint for the whole repo. The dependency direction of DESIGN.md is enforced here:
// apps → api → (db, auth, ingest, briefing); ingest and briefing do no I/O.
import tseslint from "typescript-eslint";

const deepImport = { group: ["@dispatch/*/src/*", "@dispatch/*/src"], message: "Import a package through its exports map, not a file inside it." };
const appImport = { group: ["@dispatch/reader", "@dispatch/admin", "@dispatch/cli", "@dispatch/worker", "**/apps/**"], message: "Packages never import from an app." };
const ioModules = ["node:fs", "node:fs/promises", "fs", "fs/promises", "node:http", "node:https", "http", "https", "node:net", "net", "pg", "@prisma/client"].map(
  (name) => ({ name, message: "ingest and briefing are pure: the caller does the I/O." }),
);

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/.next/**", "**/generated/**", "**/dist/**", "artifacts/**", ".dispatch/**", "**/next-env.d.ts"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": ["error", { patterns: [deepImport] }],
    },
  },
  {
    files: ["packages/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [deepImport, appImport] }] },
  },
  {
    files: ["packages/briefing/src/**/*.ts", "packages/ingest/src/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ioModules,
          patterns: [
            deepImport,
            appImport,
            { group: ["@dispatch/db", "@dispatch/db/*", "@dispatch/api", "@dispatch/auth", "@dispatch/ui"], message: "ingest and briefing know nothing of the database, HTTP or React." },
          ],
        },
      ],
    },
  },
  {
    files: ["packages/db/src/**/*.ts", "packages/auth/src/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [deepImport, appImport, { group: ["@dispatch/api"], message: "db and auth sit below api." }] }],
    },
  },
);
