// What the CLI prints when a command fails: one line a person can act on, never a stack
// (unless --debug). Expected errors carry their own message; file-system errors are named.
export class CliError extends Error {
  override readonly name = "CliError";
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

// Errors from the packages are recognised by name, so this module (loaded for every command)
// imports none of them.
const EXPECTED = new Set(["CliError", "AppError", "EnvError", "BriefingInputError"]);

const FILE_ERRORS: Record<string, (path: string) => string> = {
  ENOENT: (path) =>
    `${path}: no such file or folder. Check the path (it is relative to where you run the command).`,
  EACCES: (path) => `${path}: permission denied. Check the file's permissions.`,
  EISDIR: (path) => `${path} is a folder; give a file (ingest and parse also take folders).`,
  ENOTDIR: (path) => `${path}: a part of this path is not a folder.`,
  ECONNREFUSED: () => "could not connect to the database. Is it running, and is DATABASE_URL right?",
};

export function describeFailure(error: unknown): { message: string; exitCode: number } {
  if (error instanceof Error) {
    if (EXPECTED.has(error.name))
      return { message: error.message, exitCode: error instanceof CliError ? error.exitCode : 1 };
    // A procedure's refusal (bad input, not found, a rule) says what to do; its internal errors are bugs.
    if (error.name === "TRPCError" && (error as { code?: unknown }).code !== "INTERNAL_SERVER_ERROR")
      return { message: error.message, exitCode: 1 };
    const code = (error as { code?: unknown }).code;
    const path = (error as { path?: unknown }).path;
    const known = typeof code === "string" ? FILE_ERRORS[code] : undefined;
    if (known) return { message: known(typeof path === "string" ? path : "the input"), exitCode: 1 };
    return {
      message: `${error.message} (this looks like a bug: run again with --debug for the stack, and report it)`,
      exitCode: 1,
    };
  }
  return { message: String(error), exitCode: 1 };
}
