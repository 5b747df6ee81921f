// @dispatch/auth: sign-in, sessions and roles, shared by both apps.
export { ROLES, hasRole, type RoleName, type SessionUser } from "./roles";
