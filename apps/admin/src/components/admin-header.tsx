// The admin masthead: the sections this account can use, and who is signed in with a way out.
import type { SessionUser } from "@dispatch/auth";
import { hasRole } from "@dispatch/auth";
import { SignOutButton } from "~/app/sign-out/sign-out-button";
import { NavLink } from "./nav-link";

const SECTIONS = [
  { href: "/", label: "Overview", role: "editor" },
  { href: "/upload", label: "Upload", role: "editor" },
  { href: "/stories", label: "Stories", role: "editor" },
  { href: "/topics", label: "Topics", role: "editor" },
  { href: "/suggestions", label: "Review queue", role: "admin" },
  { href: "/briefings", label: "Briefings", role: "editor" },
  { href: "/users", label: "Users", role: "admin" },
  { href: "/audit", label: "Audit log", role: "admin" },
  { href: "/settings", label: "Settings", role: "admin" },
] as const;

export function AdminHeader({ user }: { user: SessionUser | null }) {
  const staff = user && hasRole(user.role, "editor");
  return (
    <header className="site-header admin-header">
      <a className="site-header__brand" href="/">
        Dispatch <span className="site-header__app">Admin</span>
      </a>
      {staff ? (
        <nav className="site-header__nav admin-nav" aria-label="Main">
          {SECTIONS.filter((section) => hasRole(user.role, section.role)).map((section) => (
            <NavLink key={section.href} href={section.href}>
              {section.label}
            </NavLink>
          ))}
        </nav>
      ) : null}
      {user ? (
        <div className="admin-user">
          <span>
            Signed in as <strong>{user.email}</strong> <span className="role-badge">{user.role}</span>
          </span>
          <SignOutButton />
        </div>
      ) : null}
    </header>
  );
}
