// The demo newsroom a newcomer sees: topics and stories we wrote ourselves (seed/).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const demoDataSchema = z.object({
  topics: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      description: z.string(),
      aliases: z.array(z.string()).default([]),
      includeTerms: z.array(z.string()).default([]),
    }),
  ),
  stories: z.array(
    z.object({
      topic: z.string(),
      title: z.string(),
      dek: z.string().optional(),
      body: z.string(),
      url: z.string().optional(),
      source: z.string(),
      authors: z.array(z.string()).default([]),
      publishedAt: z.string(),
    }),
  ),
});

export type DemoData = z.infer<typeof demoDataSchema>;

export function loadDemoData(): DemoData {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "seed", "demo-stories.json");
  return demoDataSchema.parse(JSON.parse(readFileSync(file, "utf8")));
}
