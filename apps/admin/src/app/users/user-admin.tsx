"use client";
// Inviting accounts (the generated password is shown once), changing roles, disabling and
// enabling. The server refuses what would leave the platform without an admin; its message shows.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { Role } from "@dispatch/db/enums";
import { formatDateTime } from "@dispatch/ui";
import { DataTable } from "~/components/data-table";
import { ErrorMessage } from "~/components/error-message";
import { useTRPC } from "~/trpc/react";
import type { RouterOutputs } from "~/trpc/types";

type User = RouterOutputs["user"]["list"][number];
const ROLES = Object.values(Role);
const ACCOUNT_COLUMNS = [
  { label: "Account" },
  { label: "Role" },
  { label: "Status" },
  { label: "Last sign-in" },
  { label: "Actions", hidden: true },
];

export function UserAdmin({ users, currentUserId }: { users: User[]; currentUserId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = { onSuccess: () => router.refresh() };
  const invite = useMutation(trpc.user.invite.mutationOptions(refresh));
  const changeRole = useMutation(trpc.user.changeRole.mutationOptions(refresh));
  const disable = useMutation(trpc.user.disable.mutationOptions(refresh));
  const enable = useMutation(trpc.user.enable.mutationOptions(refresh));
  const [inviteRole, setInviteRole] = useState<Role>("editor");
  const rowError = changeRole.error ?? disable.error ?? enable.error;

  function onInvite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get("name") ?? "").trim();
    invite.mutate(
      { email: String(form.get("email") ?? "").trim(), role: inviteRole, ...(name ? { name } : {}) },
      { onSuccess: () => (event.target as HTMLFormElement).reset() },
    );
  }

  return (
    <div className="two-col two-col--wide-first">
      <section aria-labelledby="accounts-heading" className="panel">
        <h2 id="accounts-heading">Accounts ({users.length})</h2>
        <ErrorMessage error={rowError} />
        <DataTable columns={ACCOUNT_COLUMNS}>
          {users.map((user) => (
            <tr key={user.id} className={user.disabled ? "row--deleted" : undefined}>
              <td>
                <strong>{user.name}</strong>
                <div className="meta">
                  {user.email}
                  {user.id === currentUserId ? " (you)" : ""}
                </div>
              </td>
              <td>
                <label className="visually-hidden" htmlFor={`role-${user.id}`}>
                  Role of {user.email}
                </label>
                <select
                  id={`role-${user.id}`}
                  value={user.role}
                  disabled={changeRole.isPending}
                  onChange={(event) =>
                    changeRole.mutate({ userId: user.id, role: event.target.value as Role })
                  }
                >
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {role}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {user.disabled ? (
                  <span className="status status--rejected">disabled</span>
                ) : (
                  <span className="status status--stored">active</span>
                )}
              </td>
              <td className="nowrap">
                {user.lastSignInAt ? formatDateTime(user.lastSignInAt) : <span className="muted">never</span>}
              </td>
              <td className="nowrap">
                {user.disabled ? (
                  <button
                    type="button"
                    className="link-button"
                    disabled={enable.isPending}
                    onClick={() => enable.mutate({ userId: user.id })}
                  >
                    Enable<span className="visually-hidden"> {user.email}</span>
                  </button>
                ) : (
                  <button
                    type="button"
                    className="link-button"
                    disabled={disable.isPending}
                    onClick={() => disable.mutate({ userId: user.id })}
                  >
                    Disable<span className="visually-hidden"> {user.email}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      </section>
      <section aria-labelledby="invite-heading" className="panel">
        <h2 id="invite-heading">Invite</h2>
        <form className="form" onSubmit={onInvite}>
          <ErrorMessage error={invite.error} />
          <div className="form-field">
            <label htmlFor="invite-email">Email</label>
            <input id="invite-email" name="email" type="email" required autoComplete="off" />
          </div>
          <div className="form-field">
            <label htmlFor="invite-name">Name (optional)</label>
            <input id="invite-name" name="name" autoComplete="off" />
          </div>
          <div className="form-field">
            <label htmlFor="invite-role">Role</label>
            <select
              id="invite-role"
              value={inviteRole}
              onChange={(event) => setInviteRole(event.target.value as Role)}
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {role}
                </option>
              ))}
            </select>
          </div>
          <button className="button" type="submit" disabled={invite.isPending}>
            {invite.isPending ? "Inviting…" : "Invite"}
          </button>
        </form>
        {invite.data ? (
          <div className="one-time" role="status">
            <p>
              <strong>{invite.data.user.email}</strong> can sign in now as {invite.data.user.role} with this
              password. It is shown only this once — hand it over securely:
            </p>
            <p>
              <code className="secret" data-testid="invite-password">
                {invite.data.password}
              </code>
            </p>
          </div>
        ) : null}
      </section>
    </div>
  );
}
