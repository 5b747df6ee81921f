// @dispatch/db: the Prisma schema's client, its factory, and the database's lifecycle.
export { createDb, getDb, type Db, type CreateDbOptions } from "./client";
export { getDbEnv, getServerDbEnv, parseDbEnv, EnvError, type DbEnv } from "./env";
export { Prisma } from "./generated/prisma/client";
export type * from "./generated/prisma/models";
export * from "./generated/prisma/enums";
