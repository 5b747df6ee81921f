// @dispatch/db/migrate: the database's lifecycle (apply, status, reset), kept out of the
// main entry so the apps' bundles never include migration files.
export { applyMigrations, getMigrationStatus, defaultMigrationsDir } from "./migrate";
export { resetDatabase } from "./reset";
