// Test helpers: read the package's own fixtures and unwrap results.

import { readFileSync } from "node:fs";
import type { ItemResult, ParsedStory } from "../src/index";

export function readFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
}

export function readFixtureText(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
}

export function getStories(results: ItemResult[]): ParsedStory[] {
  return results.flatMap((result) => (result.ok ? [result.story] : []));
}

export function getOnlyStory(results: ItemResult[]): ParsedStory {
  const [result] = results;
  if (results.length !== 1 || !result?.ok)
    throw new Error(`expected one parsed story, got ${JSON.stringify(results, null, 2)}`);
  return result.story;
}

export function getRejection(results: ItemResult[], item?: string): { code: string; message: string } {
  const found = results.find((result) => !result.ok && (item === undefined || result.item === item));
  if (!found || found.ok)
    throw new Error(
      `expected a rejection${item ? ` for ${item}` : ""}, got ${JSON.stringify(results, null, 2)}`,
    );
  return found.error;
}
