// Roles and who outranks whom. The roles are the schema's Role enum, which lists them lowest
// first: that order is the rank every check uses.
import { Role } from "@dispatch/db/enums";

export const ROLES: readonly Role[] = Object.values(Role);
export type RoleName = Role;

/** The signed-in person as every layer above auth sees them. */
export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: RoleName;
};

/** True when `role` is at least `required` (admin ⊇ editor ⊇ reader). */
export function hasRole(role: RoleName, required: RoleName): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}
