// Lint for the whole repo. The dependency direction of DESIGN.md is enforced here:
// apps → api → (db, auth, ingest, briefing); ingest and briefing do no I/O.
import tseslint from "typescript-eslint";

const deepImport = {
  group: ["@dispatch/*/src/*", "@dispatch/*/src"],
  message: "Import a package through its exports map, not a file inside it.",
};
const appImport = {
  group: ["@dispatch/reader", "@dispatch/admin", "@dispatch/cli", "@dispatch/worker", "**/apps/**"],
  message: "Packages never import from an app.",
};
const ioModules = [
  "node:fs",
  "node:fs/promises",
  "fs",
  "fs/promises",
  "node:http",
  "node:https",
  "http",
  "https",
  "node:net",
  "net",
  "pg",
  "@prisma/client",
].map((name) => ({ name, message: "ingest and briefing are pure: the caller does the I/O." }));

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.next/**",
      "**/generated/**",
      "**/dist/**",
      "artifacts/**",
      ".dispatch/**",
      "**/next-env.d.ts",
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": ["error", { patterns: [deepImport] }],
      // Configuration is read through each package's validated env.ts, never process.env
      // directly. NODE_ENV, NEXT_RUNTIME and NEXT_PHASE are build-time values the bundler
      // inlines, not settings, so they stay readable everywhere.
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "MemberExpression[object.name='process'][property.name='env']:not(MemberExpression[property.name=/^(NODE_ENV|NEXT_RUNTIME|NEXT_PHASE)$/] > .object)",
          message:
            "Read configuration through the package's src/env.ts (a zod schema checked at start-up), not process.env.",
        },
      ],
    },
  },
  {
    // Where process.env may be read: the env modules themselves; tests, benches and scripts,
    // which hand a whole environment to the processes they start and are not shipped; the
    // browser-test and test-database harnesses; and tool config files read by tools, not apps.
    files: [
      "{apps,packages}/*/src/env.ts",
      "**/*.test.ts",
      "**/*.e2e.ts",
      "{apps,packages}/*/test/**",
      "{apps,packages}/*/bench/**",
      "{apps,packages}/*/scripts/**",
      "packages/*/src/testing.ts",
      "**/*.config.{ts,mts,mjs}",
    ],
    rules: { "no-restricted-syntax": "off" },
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
            {
              group: ["@dispatch/db", "@dispatch/db/*", "@dispatch/api", "@dispatch/auth", "@dispatch/ui"],
              message: "ingest and briefing know nothing of the database, HTTP or React.",
            },
          ],
        },
      ],
    },
  },
  {
    // mail sends what it is handed: it knows nothing of accounts, the API or React.
    files: ["packages/mail/src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            deepImport,
            appImport,
            {
              group: [
                "@dispatch/api",
                "@dispatch/auth",
                "@dispatch/ui",
                "@dispatch/briefing",
                "@dispatch/ingest",
              ],
              message: "mail sits below auth and api; only @dispatch/db/env is imported.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["packages/db/src/**/*.ts", "packages/auth/src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            deepImport,
            appImport,
            { group: ["@dispatch/api"], message: "db and auth sit below api." },
          ],
        },
      ],
    },
  },
);
