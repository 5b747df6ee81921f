// Creating accounts outside the sign-up form: the CLI, the admin app's invite, and the demo
// accounts the dev launcher prints. Passwords are hashed the way Better Auth verifies them.
import { randomBytes } from "node:crypto";
import { generateId } from "better-auth";
import { hashPassword } from "better-auth/crypto";
import type { Db } from "@dispatch/db";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./auth";
import type { RoleName, SessionUser } from "./roles";

export type NewUser = { email: string; name?: string; role: RoleName; password?: string };

export type CreatedUser = { user: SessionUser; password: string };

/** Thrown when the email already has an account; the message names it. */
export class UserExistsError extends Error {
  override readonly name = "UserExistsError";
  constructor(readonly email: string) {
    super(`An account for ${email} exists already.`);
  }
}

/** Thrown for a password the sign-in form would refuse; the message says the rule. */
export class WeakPasswordError extends Error {
  override readonly name = "WeakPasswordError";
}

/** A random password of 24 URL-safe characters (144 bits). */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new WeakPasswordError(
      `The password is ${password.length} characters; use at least ${MIN_PASSWORD_LENGTH}.`,
    );
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new WeakPasswordError(
      `The password is ${password.length} characters; the limit is ${MAX_PASSWORD_LENGTH}.`,
    );
  }
}

/** "ada.lovelace@example.com" → "Ada Lovelace", for accounts created without a name. */
function nameFromEmail(email: string): string {
  const local = email.split("@")[0] ?? email;
  return (
    local
      .split(/[._+-]+/)
      .filter(Boolean)
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
      .join(" ") || email
  );
}

/**
 * Creates an account that can sign in with email and password at once (no verification
 * step: an admin vouches for it). With no password, a strong one is generated; either way
 * the password is returned once, to be handed to the person, and only its hash is stored.
 */
export async function createUser(db: Db, input: NewUser): Promise<CreatedUser> {
  const email = input.email.trim().toLowerCase();
  const password = input.password ?? generatePassword();
  checkPassword(password);
  const hash = await hashPassword(password);
  const id = generateId();
  const name = input.name?.trim() || nameFromEmail(email);
  try {
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { id, email, name, role: input.role, emailVerified: true },
        select: { id: true, email: true, name: true, role: true },
      });
      await tx.account.create({
        data: { id: generateId(), accountId: id, providerId: "credential", userId: id, password: hash },
      });
      return created;
    });
    return { user, password };
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserExistsError(email);
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    (error as { code: unknown }).code === "P2002"
  );
}

/** The demo accounts `pnpm dev` creates. Documented passwords: never use them in production. */
export const DEMO_USERS = [
  { email: "admin@dispatch.local", name: "Demo Admin", role: "admin", password: "dispatch-admin-demo" },
  { email: "editor@dispatch.local", name: "Demo Editor", role: "editor", password: "dispatch-editor-demo" },
] as const satisfies ReadonlyArray<Required<NewUser>>;

export type DemoCredentials = { email: string; password: string; role: RoleName; created: boolean };

/**
 * Creates the demo admin and editor when absent and returns their credentials, so the dev
 * launcher can print them. An existing account is left alone (its password may have been
 * changed; the printed one is then the documented default).
 */
export async function ensureDemoUsers(db: Db): Promise<DemoCredentials[]> {
  const results: DemoCredentials[] = [];
  for (const demo of DEMO_USERS) {
    const existing = await db.user.findUnique({ where: { email: demo.email }, select: { id: true } });
    if (!existing) {
      try {
        await createUser(db, demo);
      } catch (error) {
        // Another process created it between our check and insert: that is the goal anyway.
        if (!(error instanceof UserExistsError)) throw error;
      }
    }
    results.push({ email: demo.email, password: demo.password, role: demo.role, created: !existing });
  }
  return results;
}
