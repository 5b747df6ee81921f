// Accounts and roles, managed by admins (admin app, CLI): list, invite, change role,
// disable and enable. Every change is audited; passwords never reach the log.
import { createUser, UserExistsError, WeakPasswordError, type RoleName } from "@dispatch/auth";
import type { Db } from "@dispatch/db";
import { AppError, notFound } from "../errors";
import { describeTooLongField, USER_NAME_LIMIT } from "../schemas/single-line-fields";
import { recordAudit, type Actor } from "./audit";

export type UserSummary = {
  id: string;
  email: string;
  name: string;
  role: RoleName;
  disabled: boolean;
  createdAt: Date;
  /** When the latest session began, or null if they never signed in. */
  lastSignInAt: Date | null;
};

/** Which account: by id (the admin app) or by email (the CLI). */
export type UserRef = { id: string } | { email: string };

const describeRef = (ref: UserRef) => ("id" in ref ? `User ${ref.id}` : `The account ${ref.email}`);
const whereRef = (ref: UserRef) => ("id" in ref ? { id: ref.id } : { email: ref.email.trim().toLowerCase() });

// The last session's start stands for the last sign-in.
const userSummarySelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabled: true,
  createdAt: true,
  sessions: { orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
} as const;

function toUserSummary({
  sessions,
  ...user
}: { sessions: { createdAt: Date }[] } & Omit<UserSummary, "lastSignInAt">): UserSummary {
  return { ...user, lastSignInAt: sessions[0]?.createdAt ?? null };
}

/** Every account, admins first, then by email. */
export async function listUsers(db: Db): Promise<UserSummary[]> {
  const users = await db.user.findMany({
    orderBy: [{ role: "desc" }, { email: "asc" }],
    select: userSummarySelect,
  });
  return users.map(toUserSummary);
}

export type InviteInput = { email: string; name?: string; role: RoleName; password?: string };

/**
 * Creates an account that can sign in at once. Returns the password (generated when none is
 * given) this one time; only its hash is stored.
 */
export async function inviteUser(
  db: Db,
  actor: Actor,
  input: InviteInput,
): Promise<{ user: UserSummary; password: string }> {
  // The CLI calls this directly, past the router's schema.
  const name = input.name?.trim();
  if (name !== undefined && name.length > USER_NAME_LIMIT)
    throw new AppError("INVALID_INPUT", describeTooLongField("name", name.length, USER_NAME_LIMIT));
  let created;
  try {
    created = await createUser(db, input);
  } catch (error) {
    if (error instanceof UserExistsError)
      throw new AppError("DUPLICATE", error.message, { email: error.email });
    if (error instanceof WeakPasswordError) throw new AppError("INVALID_INPUT", error.message);
    throw error;
  }
  await recordAudit(db, actor, {
    action: "user.create",
    entityType: "user",
    entityId: created.user.id,
    details: {
      email: created.user.email,
      role: created.user.role,
      passwordGenerated: input.password === undefined,
    },
  });
  const user = await getUserSummary(db, { id: created.user.id });
  return { user, password: created.password };
}

/** Gives an account another role. Refuses to leave the platform without an active admin. */
export async function changeRole(db: Db, actor: Actor, ref: UserRef, role: RoleName): Promise<UserSummary> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: whereRef(ref),
      select: { id: true, email: true, role: true, disabled: true },
    });
    if (!user) throw notFound(describeRef(ref));
    if (user.role === role) return;
    if (user.role === "admin" && !user.disabled)
      await assertAnotherAdmin(tx, user.id, `make ${user.email} a ${role}`);
    await tx.user.update({ where: { id: user.id }, data: { role } });
    await recordAudit(tx, actor, {
      action: "user.role",
      entityType: "user",
      entityId: user.id,
      details: { email: user.email, from: user.role, to: role },
    });
  });
  return getUserSummary(db, ref);
}

/**
 * Disables an account (it cannot sign in, and its sessions end now) or enables it again.
 * Admins cannot disable themselves or the last active admin.
 */
export async function setUserDisabled(
  db: Db,
  actor: Actor,
  ref: UserRef,
  disabled: boolean,
): Promise<UserSummary> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: whereRef(ref),
      select: { id: true, email: true, role: true, disabled: true },
    });
    if (!user) throw notFound(describeRef(ref));
    if (user.disabled === disabled) return;
    if (disabled && actor.userId === user.id) {
      throw new AppError("CONFLICT", "You cannot disable your own account. Ask another admin.");
    }
    if (disabled && user.role === "admin") await assertAnotherAdmin(tx, user.id, `disable ${user.email}`);
    await tx.user.update({ where: { id: user.id }, data: { disabled } });
    if (disabled) await tx.session.deleteMany({ where: { userId: user.id } });
    await recordAudit(tx, actor, {
      action: disabled ? "user.disable" : "user.enable",
      entityType: "user",
      entityId: user.id,
      details: { email: user.email },
    });
  });
  return getUserSummary(db, ref);
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

async function assertAnotherAdmin(tx: Tx, userId: string, what: string): Promise<void> {
  const others = await tx.user.count({ where: { role: "admin", disabled: false, id: { not: userId } } });
  if (others === 0) {
    throw new AppError(
      "CONFLICT",
      `Cannot ${what}: it is the only active admin. Make someone else an admin first.`,
    );
  }
}

async function getUserSummary(db: Db, ref: UserRef): Promise<UserSummary> {
  const user = await db.user.findUnique({
    where: whereRef(ref),
    select: userSummarySelect,
  });
  if (!user) throw notFound(describeRef(ref));
  return toUserSummary(user);
}
