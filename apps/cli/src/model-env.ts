// The optional abstractive mode's endpoint, from the environment (validated once, here).
import { z } from "zod";
import { CliError } from "./errors";

const modelEnvSchema = z.object({
  DISPATCH_LLM_BASE_URL: z.string().url("must be a URL such as https://api.openai.com/v1"),
  DISPATCH_LLM_MODEL: z.string().min(1, "must name the model, e.g. gpt-4o-mini"),
  DISPATCH_LLM_API_KEY: z.string().min(1).optional(),
});

export function getModelEnv(source: Record<string, string | undefined> = process.env) {
  const result = modelEnvSchema.safeParse(Object.fromEntries(Object.entries(source).filter(([, value]) => value)));
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new CliError(`--abstractive needs an OpenAI-compatible endpoint: ${problems}.`);
  }
  return { baseUrl: result.data.DISPATCH_LLM_BASE_URL, model: result.data.DISPATCH_LLM_MODEL, apiKey: result.data.DISPATCH_LLM_API_KEY ?? null };
}
