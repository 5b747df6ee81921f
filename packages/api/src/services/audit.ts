// The audit log: every editor and admin action, with who, what and from where. Recording
// (`recordAudit`, called inside the change it logs) and reading (`listAuditEntries`) both live here.
import type { Channel, Db, Prisma } from "@dispatch/db";
import { cursorArgs, toPage, type PageInput } from "../pagination";

export type Actor = { userId: string | null; via: Channel };

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string;
  details?: Prisma.InputJsonValue;
};

type AuditWriter = Pick<Db, "auditLog">;

/** Records one action. Pass the transaction client to make it part of the change it logs. */
export async function recordAudit(db: AuditWriter, actor: Actor, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: actor.userId,
      via: actor.via,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      details: entry.details ?? {},
    },
  });
}

export type AuditFilters = {
  actorEmail?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  via?: Channel;
};

/** The log newest first, filtered by who, what and which thing. */
export async function listAuditEntries(db: Db, input: PageInput & AuditFilters) {
  const where: Prisma.AuditLogWhereInput = {
    ...(input.actorEmail ? { actor: { email: input.actorEmail } } : {}),
    ...(input.action ? { action: { startsWith: input.action } } : {}),
    ...(input.entityType ? { entityType: input.entityType } : {}),
    ...(input.entityId ? { entityId: input.entityId } : {}),
    ...(input.via ? { via: input.via } : {}),
  };
  const rows = await db.auditLog.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...cursorArgs(input),
    select: {
      id: true,
      action: true,
      entityType: true,
      entityId: true,
      via: true,
      details: true,
      createdAt: true,
      actor: { select: { email: true, name: true } },
    },
  });
  return toPage(rows, input.limit);
}
