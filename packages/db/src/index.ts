// @dispatch/db: the Prisma schema's client, its factory, and the database's lifecycle.
export { createDb, getDb, type Db, type CreateDbOptions } from "./client";
export { getDbEnv, parseDbEnv, EnvError, type DbEnv } from "./env";
export { applyMigrations, getMigrationStatus } from "./migrate";
export { resetDatabase } from "./reset";
export { Prisma } from "./generated/prisma/client";
export type * from "./generated/prisma/models";
export * from "./generated/prisma/enums";
export { loadDemoData, type DemoData } from "./demo-data";
