// The tRPC instance: the context (inner for tests and scripts, outer per request), and the
// procedure kinds. The role check is here, once, as middleware.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { hasRole, type RoleName, type SessionUser } from "@dispatch/auth";
import type { Channel, Db } from "@dispatch/db";
import { AppError, describeInputIssues, toTRPCError } from "./errors";
import { noJobs, type JobQueue } from "./jobs/job-queue";

/** What every procedure gets; tests and the CLI build it directly, without a request. */
export type InnerContext = {
  db: Db;
  user: SessionUser | null;
  /**
   * The server's own operator: the CLI, run by whoever holds the database. It passes every
   * role check as an admin without being an account, so the audit log records its channel
   * and no user. Only in-process callers set it; a request never does.
   */
  operator: boolean;
  /** Where the call came from, for the audit log. */
  via: Channel;
  /** The background worker's queue (rebuilds, suggestions). */
  jobs: JobQueue;
  /**
   * Set for calls over HTTP: the Origin a browser said the request came from, when it is not
   * the app's own. Mutations refuse such calls; in-process callers have no request to check.
   */
  foreignOrigin?: string | null;
};

export function createInnerContext(opts: {
  db: Db;
  user?: SessionUser | null;
  operator?: boolean;
  via?: Channel;
  jobs?: JobQueue;
}): InnerContext {
  return {
    db: opts.db,
    user: opts.user ?? null,
    operator: opts.operator ?? false,
    via: opts.via ?? "api",
    jobs: opts.jobs ?? noJobs,
  };
}

/**
 * Who may call a procedure. Every procedure kind below declares one, and the security suite
 * (packages/api/src/security) checks each procedure has one and that HTTP honours it.
 */
export type Audience = "public" | "reader" | "editor" | "admin";
export type ProcedureMeta = { audience?: Audience };

const t = initTRPC
  .context<InnerContext>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      return {
        ...shape,
        data: {
          ...shape.data,
          appCode: cause instanceof AppError ? cause.code : null,
          // zod's issues, so a form can point at the field that is wrong.
          issues: cause instanceof ZodError ? cause.issues : null,
        },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Turns AppErrors from services into tRPC errors; logs what nobody expected. */
const errorMapping = t.middleware(async ({ next, path }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) throw toTRPCError(cause);
    // Refused input: one sentence for a person, not zod's issues as JSON (they stay in data.issues).
    if (cause instanceof ZodError)
      throw new TRPCError({ code: "BAD_REQUEST", message: describeInputIssues(cause.issues), cause });
    if (result.error.code === "INTERNAL_SERVER_ERROR") {
      console.error(`[api] ${path} failed:`, cause ?? result.error);
    }
  }
  return result;
});

/**
 * Refuses a mutation a browser sent from another site (cross-site request forgery): the
 * session cookie rides along, so the role check alone would let it through.
 */
const sameOriginMutations = t.middleware(({ ctx, type, next }) => {
  if (type === "mutation" && ctx.foreignOrigin) {
    throw toTRPCError(
      new AppError(
        "FORBIDDEN",
        `This change was sent from another site (${ctx.foreignOrigin}), so it was refused. Make changes from the Dispatch app itself.`,
      ),
    );
  }
  return next();
});

/** Lets the caller through with `ctx.role`, the role it acts with, or refuses it. */
function requireRole(required: RoleName) {
  return t.middleware(({ ctx, next }) => {
    if (ctx.operator) return next({ ctx: { ...ctx, role: "admin" as RoleName } });
    if (!ctx.user) {
      throw toTRPCError(new AppError("UNAUTHORIZED", "Sign in to do this."));
    }
    if (!hasRole(ctx.user.role, required)) {
      throw toTRPCError(
        new AppError(
          "FORBIDDEN",
          `This needs the ${required} role; your account is a ${ctx.user.role}. Ask an admin.`,
        ),
      );
    }
    return next({ ctx: { ...ctx, role: ctx.user.role } });
  });
}

/** Anyone, signed in or not. */
export const publicProcedure = t.procedure
  .meta({ audience: "public" })
  .use(errorMapping)
  .use(sameOriginMutations);
/** Any signed-in account. */
export const readerProcedure = publicProcedure.meta({ audience: "reader" }).use(requireRole("reader"));
/** Editors and admins. */
export const editorProcedure = publicProcedure.meta({ audience: "editor" }).use(requireRole("editor"));
/** Admins only. */
export const adminProcedure = publicProcedure.meta({ audience: "admin" }).use(requireRole("admin"));

/** Who is acting, for the audit log. */
export function actorOf(ctx: InnerContext): { userId: string | null; via: Channel } {
  return { userId: ctx.user?.id ?? null, via: ctx.via };
}
