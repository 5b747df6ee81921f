// The CLI's environment: the database's schema (DATABASE_URL, or the embedded database), the
// dev launcher's ports (apps and mail catcher) and the optional abstractive mode's endpoint. Checked when a command
// starts (main.ts), so a bad value stops it with one line naming the variable.
import { z } from "zod";
import { checkEnv, getDbEnv, readEnv } from "@dispatch/db/env";
import { CliError } from "./errors";

const port = (example: number) => {
  const message = `must be a port number between 1 and 65535, e.g. ${example}`;
  return z.coerce.number({ error: message }).int(message).min(1, message).max(65535, message);
};

export const cliEnvSchema = z.object({
  /** The ports `pnpm dev` / `pnpm start` serve the apps on. */
  READER_PORT: port(3000).default(3000),
  ADMIN_PORT: port(3001).default(3001),
  /** `pnpm dev`'s mail catcher (when SMTP_URL is unset): its SMTP port and its page's port. */
  MAIL_SMTP_PORT: port(1025).default(1025),
  MAIL_WEB_PORT: port(1080).default(1080),
  /** `brief --abstractive`: an OpenAI-compatible endpoint, its model and (optional) key. */
  DISPATCH_LLM_BASE_URL: z.url("must be a URL such as https://api.openai.com/v1").optional(),
  DISPATCH_LLM_MODEL: z.string().min(1).optional(),
  DISPATCH_LLM_API_KEY: z.string().min(1).optional(),
});

export type CliEnv = z.infer<typeof cliEnvSchema>;

export function parseCliEnv(source: Record<string, string | undefined>): CliEnv {
  return readEnv(cliEnvSchema, source);
}

let cached: CliEnv | undefined;

export function getCliEnv(): CliEnv {
  cached ??= parseCliEnv(process.env);
  return cached;
}

/** A command's start: every variable the CLI reads (and `more` a command adds), all problems in one EnvError. */
export function checkCliEnv(more: ReadonlyArray<() => unknown> = []): void {
  checkEnv([getDbEnv, getCliEnv, ...more]);
}

/** The abstractive mode's endpoint; both the URL and the model must be set to use it. */
export function getModelEnv(env: CliEnv = getCliEnv()): {
  baseUrl: string;
  model: string;
  apiKey: string | null;
} {
  const missing = [
    env.DISPATCH_LLM_BASE_URL ? null : "DISPATCH_LLM_BASE_URL (e.g. https://api.openai.com/v1)",
    env.DISPATCH_LLM_MODEL ? null : "DISPATCH_LLM_MODEL (e.g. gpt-4o-mini)",
  ].filter((name) => name !== null);
  if (!env.DISPATCH_LLM_BASE_URL || !env.DISPATCH_LLM_MODEL) {
    throw new CliError(`--abstractive needs an OpenAI-compatible endpoint: set ${missing.join(" and ")}.`);
  }
  return {
    baseUrl: env.DISPATCH_LLM_BASE_URL,
    model: env.DISPATCH_LLM_MODEL,
    apiKey: env.DISPATCH_LLM_API_KEY ?? null,
  };
}

/** The environment the dev launcher hands its children (the apps and the worker): all of it. */
export function inheritedEnv(): NodeJS.ProcessEnv {
  return { ...process.env };
}
