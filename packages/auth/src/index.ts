// @dispatch/auth: sign-in, sessions and roles, shared by both apps.
export { ROLES, hasRole, type RoleName, type SessionUser } from "./roles";
export {
  createAuth,
  getAuth,
  createAuthRouteHandlers,
  COOKIE_PREFIX,
  MIN_PASSWORD_LENGTH,
  MAIL_UNAVAILABLE_MESSAGE,
  SIGN_IN_ERROR_CODES,
  usesSecureCookies,
  type Auth,
  type CreateAuthOptions,
} from "./auth";
export { getAuthEnv, parseAuthEnv, DEVELOPMENT_AUTH_SECRET, type AuthEnv } from "./env";
export { getSessionUser } from "./session";
export {
  signInWithPassword,
  signOut,
  describeSignInError,
  toCookiesToSet,
  type SignInResult,
  type SignInFailureReason,
  type CookieToSet,
} from "./sign-in";
export {
  createUser,
  ensureDemoUsers,
  generatePassword,
  checkPassword,
  DEMO_USERS,
  UserExistsError,
  WeakPasswordError,
  type NewUser,
  type CreatedUser,
  type DemoCredentials,
} from "./users";
export {
  DEFAULT_SIGN_IN_LIMITS,
  formatLockoutMessage,
  type SignInLimits,
  type ThrottleRule,
  type BackoffRule,
} from "./sign-in-throttle";
export {
  contentSecurityPolicy,
  createNonce,
  withContentSecurityPolicy,
  STATIC_SECURITY_HEADERS,
} from "./security-headers";
export { safeNextPath } from "./next-path";
export { signUpWithPassword, describeWeakPassword, ACCOUNT_NAME_LIMIT, type SignUpResult } from "./sign-up";
export { verifyEmailToken, VERIFY_MESSAGES, type VerifyEmailResult } from "./email-verification";
export {
  requestPasswordReset,
  checkResetToken,
  resetPasswordWithToken,
  RESET_MESSAGES,
  type ResetTokenStatus,
  type ResetPasswordResult,
  type ResetRequestResult,
} from "./password-reset";
export {
  getSiteSettings,
  getSignUpStatus,
  SIGN_UP_CLOSED_MESSAGE,
  type SiteSettings,
  type SignUpStatus,
} from "./site-settings";
export { VERIFICATION_LINK_HOURS, RESET_LINK_MINUTES } from "./account-mail";
