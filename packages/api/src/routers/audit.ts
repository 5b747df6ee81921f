import { z } from "zod";
import { Channel } from "@dispatch/db/enums";
import { pageInput } from "../pagination";
import { adminProcedure, router } from "../trpc";
import { listAuditEntries } from "../services/audit";

export const auditRouter = router({
  /** Admins: every editor and admin action, newest first, filterable. */
  list: adminProcedure
    .input(
      pageInput.extend({
        actorEmail: z.string().email().optional(),
        action: z.string().min(1).max(100).optional(),
        entityType: z.string().min(1).max(50).optional(),
        entityId: z.string().min(1).max(100).optional(),
        via: z.enum(Channel).optional(),
      }),
    )
    .query(({ ctx, input }) => listAuditEntries(ctx.db, input)),
});
