import { z } from "zod";
import { getMailer } from "@dispatch/mail";
import { actorOf, adminProcedure, router } from "../trpc";
import { getSiteSettingsView, updateSiteSettings } from "../services/site-settings";

const siteSettings = z.object({
  readerSignUp: z.boolean(),
  updatedAt: z.date(),
  mailConfigured: z.boolean(),
});

const mailDeps = () => ({ mailConfigured: getMailer() !== null });

export const settingRouter = router({
  /** Admins: the site-wide settings, and whether this server can send mail. */
  get: adminProcedure.output(siteSettings).query(({ ctx }) => getSiteSettingsView(ctx.db, mailDeps())),

  /** Admins: open or close reader sign-up on the reader app (audited). */
  update: adminProcedure
    .input(z.object({ readerSignUp: z.boolean() }))
    .output(siteSettings)
    .mutation(({ ctx, input }) => updateSiteSettings(ctx.db, actorOf(ctx), input, mailDeps())),
});
