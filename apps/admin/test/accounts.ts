// Accounts the journeys sign in with: the demo admin and editor (ensureDemoUsers), a reader,
// and an account only the rate-limit journey uses, so locking it out disturbs no other test.
import { DEMO_USERS } from "@dispatch/auth";

const demo = (role: "admin" | "editor") => {
  const user = DEMO_USERS.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`no demo ${role}`);
  return { email: user.email, password: user.password };
};

export const ADMIN = demo("admin");
export const EDITOR = demo("editor");
export const READER_ACCOUNT = {
  email: "reader@dispatch.test",
  name: "Test Reader",
  role: "reader" as const,
  password: "reader-e2e-password",
};
export const LOCKOUT_ACCOUNT = {
  email: "lockout@dispatch.test",
  name: "Lockout Editor",
  role: "editor" as const,
  password: "lockout-e2e-password",
};
