// Reading the audit log: newest first, filtered by who, what and which thing.
import type { Channel, Db, Prisma } from "@dispatch/db";
import { cursorArgs, toPage, type PageInput } from "../pagination";

export type AuditFilters = { actorEmail?: string; action?: string; entityType?: string; entityId?: string; via?: Channel };

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
    select: { id: true, action: true, entityType: true, entityId: true, via: true, details: true, createdAt: true, actor: { select: { email: true, name: true } } },
  });
  return toPage(rows, input.limit);
}
