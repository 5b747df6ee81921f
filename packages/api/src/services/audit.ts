// The audit log: every editor and admin action, with who, what and from where.
import type { Channel, Db, Prisma } from "@dispatch/db";

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
