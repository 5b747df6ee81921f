// Where the platform keeps its local files, relative to the repository, not the cwd.
import { fileURLToPath } from "node:url";
import path from "node:path";
import { getDbEnv } from "@dispatch/db";

export const repoRoot = path.resolve(fileURLToPath(new URL("../../../", import.meta.url)));

/** The embedded database's folder: DISPATCH_DATA_DIR, else `.dispatch/pgdata` in the repo. */
export function getEmbeddedDataDir(): string {
  return path.resolve(getDbEnv().DISPATCH_DATA_DIR ?? path.join(repoRoot, ".dispatch", "pgdata"));
}

export const DEFAULT_EMBEDDED_PORT = 54329;
