// Roles and who outranks whom. The single source of the role order used by every check.
export const ROLES = ["reader", "editor", "admin"] as const;
export type RoleName = (typeof ROLES)[number];

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
