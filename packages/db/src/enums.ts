// The schema's enums (Channel, Role, StoryStatus…) as plain constants generated from
// schema.prisma: the one source for each list. Safe to import anywhere, client components
// included — no Prisma client comes with them. `Object.values(Channel)` lists them in schema order.
export * from "./generated/prisma/enums";
