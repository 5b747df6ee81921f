import { z } from "zod";
import { Role } from "@dispatch/db/enums";
import { actorOf, adminProcedure, router } from "../trpc";
import { singleLineField, USER_NAME_LIMIT } from "../schemas/single-line-fields";
import { changeRole, inviteUser, listUsers, setUserDisabled } from "../services/users";

const role = z.enum(Role);

const userSummary = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role,
  disabled: z.boolean(),
  createdAt: z.date(),
  lastSignInAt: z.date().nullable(),
});

/** An account by id (the admin app) or by email (the CLI). */
const userRef = z.union([z.object({ userId: z.string().min(1) }), z.object({ email: z.email().max(254) })]);
const toUserRef = (input: z.infer<typeof userRef>) =>
  "userId" in input ? { id: input.userId } : { email: input.email };

export const userRouter = router({
  /** Admins: every account with its role, status and last sign-in. */
  list: adminProcedure.output(z.array(userSummary)).query(({ ctx }) => listUsers(ctx.db)),

  /**
   * Admins: create an account that can sign in at once. The password (generated unless given)
   * is in the answer this one time — hand it over, it is not stored.
   */
  invite: adminProcedure
    .input(
      z.object({
        email: z.email().max(254),
        name: singleLineField("name", USER_NAME_LIMIT).optional(),
        role: role.default("editor"),
        password: z.string().min(10).max(128).optional(),
      }),
    )
    .output(z.object({ user: userSummary, password: z.string() }))
    .mutation(({ ctx, input }) => inviteUser(ctx.db, actorOf(ctx), input)),

  /** Admins: give an account another role (never leaves the platform without an admin). */
  changeRole: adminProcedure
    .input(z.intersection(userRef, z.object({ role })))
    .output(userSummary)
    .mutation(({ ctx, input }) => changeRole(ctx.db, actorOf(ctx), toUserRef(input), input.role)),

  /** Admins: stop an account signing in; its open sessions end at once. */
  disable: adminProcedure
    .input(userRef)
    .output(userSummary)
    .mutation(({ ctx, input }) => setUserDisabled(ctx.db, actorOf(ctx), toUserRef(input), true)),

  /** Admins: let a disabled account sign in again. */
  enable: adminProcedure
    .input(userRef)
    .output(userSummary)
    .mutation(({ ctx, input }) => setUserDisabled(ctx.db, actorOf(ctx), toUserRef(input), false)),
});
