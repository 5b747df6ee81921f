// How the CLI changes things: through the same procedures as the apps (so the routers' input
// rules apply), called in-process as the server's operator — every role, no account — with
// the CLI as the audit log's channel. Briefings the changes touch are rebuilt inline on flush.
import {
  actorOf,
  createCaller,
  createInlineJobs,
  createInnerContext,
  type Actor,
  type InlineJobs,
} from "@dispatch/api";
import type { Db } from "@dispatch/db";

export type CliSession = {
  /** The app router's procedures, called as the operator. */
  caller: ReturnType<typeof createCaller>;
  /** Who the audit log records for the CLI (the channel, no user), for the few services without a procedure. */
  actor: Actor;
  /** The rebuilds and suggestions the calls asked for; `flush` runs them. */
  jobs: InlineJobs;
};

export function createCliSession(db: Db): CliSession {
  const context = createInnerContext({ db, operator: true, via: "cli" });
  const actor = actorOf(context);
  const jobs = createInlineJobs(db, actor);
  return { caller: createCaller({ ...context, jobs: jobs.queue }), actor, jobs };
}
