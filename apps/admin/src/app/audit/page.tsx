// Audit log (admins): every editor and admin action, newest first, filtered by a GET form.
import type { Metadata } from "next";
import Link from "next/link";
import { TRPCError } from "@trpc/server";
import { Channel } from "@dispatch/db/enums";
import { formatDateTime } from "@dispatch/ui";
import { DataTable } from "~/components/data-table";
import { getPagerLinks, Pager } from "~/components/pager";
import { getCaller } from "~/server/context";
import { isAdmin, requireStaff, RoleNotice } from "~/server/page-access";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

type Params = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) =>
  typeof value === "string" && value.trim() ? value.trim() : undefined;
const CHANNELS = Object.values(Channel);
const AUDIT_COLUMNS = ["When", "Who", "Action", "On", "Via", "Details"].map((label) => ({ label }));

function describeDetails(details: unknown): string {
  if (details === null || details === undefined) return "";
  const text = JSON.stringify(details);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

export default async function AuditPage(props: { searchParams: Promise<Params> }) {
  const user = await requireStaff();
  if (!isAdmin(user)) {
    return (
      <>
        <h1>Audit log</h1>
        <RoleNotice needs="admin" user={user} />
      </>
    );
  }
  const params = await props.searchParams;
  const actorEmail = one(params.actor);
  const action = one(params.action);
  const entityType = one(params.entity);
  const viaParam = one(params.via);
  const via = CHANNELS.find((value) => value === viaParam);
  const cursor = one(params.cursor);
  const caller = await getCaller();
  const result = await caller.audit
    .list({ limit: 50, actorEmail, action, entityType, via, cursor })
    .then((page) => ({ page, error: null }))
    .catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === "BAD_REQUEST")
        return { page: null, error: "Check the filters: the actor must be a whole email address." };
      throw error;
    });
  const links = getPagerLinks(
    "/audit",
    { actor: actorEmail, action, entity: entityType, via },
    { cursor, nextCursor: result.page?.nextCursor },
  );

  return (
    <>
      <h1>Audit log</h1>
      <form className="filter-bar" method="get" aria-label="Filter the audit log">
        <div className="form-field">
          <label htmlFor="actor">Actor email</label>
          <input id="actor" name="actor" type="email" defaultValue={actorEmail ?? ""} />
        </div>
        <div className="form-field">
          <label htmlFor="action">Action starts with</label>
          <input id="action" name="action" placeholder="story. or tag.add" defaultValue={action ?? ""} />
        </div>
        <div className="form-field">
          <label htmlFor="entity">Entity type</label>
          <select id="entity" name="entity" defaultValue={entityType ?? ""}>
            <option value="">Any</option>
            {["story", "topic", "user"].map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor="via">Via</label>
          <select id="via" name="via" defaultValue={via ?? ""}>
            <option value="">Any</option>
            {CHANNELS.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-bar__actions">
          <button className="button" type="submit">
            Filter
          </button>
          {links.filters || cursor ? <Link href="/audit">Clear</Link> : null}
        </div>
      </form>
      {result.error ? (
        <p className="form-error" role="alert">
          {result.error}
        </p>
      ) : null}
      {result.page && result.page.items.length === 0 ? (
        <p className="empty-state">No entries match.</p>
      ) : null}
      {result.page && result.page.items.length > 0 ? (
        <DataTable columns={AUDIT_COLUMNS}>
          {result.page.items.map((entry) => (
            <tr key={entry.id}>
              <td className="nowrap">{formatDateTime(entry.createdAt)}</td>
              <td>{entry.actor?.email ?? <span className="muted">system</span>}</td>
              <td className="cell-mono">{entry.action}</td>
              <td>
                {entry.entityType === "story" && entry.entityId ? (
                  <Link href={`/stories/${entry.entityId}`}>story</Link>
                ) : entry.entityType === "topic" && entry.entityId ? (
                  <Link href={`/topics/${entry.entityId}`}>topic</Link>
                ) : (
                  entry.entityType
                )}
              </td>
              <td>{entry.via}</td>
              <td className="cell-mono details">{describeDetails(entry.details)}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <Pager links={links} nextLabel="Older entries" />
    </>
  );
}
