// Readers for loosely typed records (front matter, JSON items, JSON-LD): they accept the
// shapes publishers actually use and return null or [] instead of trusting the input.

import { splitAuthorNames } from "./byline-names";

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function readString(data: Record<string, unknown>, keys: string[]): string | null {
  for (const key of keys) {
    const value = data[key];
    if (typeof value === "string" && value.trim()) return value.trim();
  }
  return null;
}

export function readFirstString(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.find((entry): entry is string => typeof entry === "string") ?? null;
  return null;
}

export function readAuthors(value: unknown): string[] {
  if (typeof value === "string") return splitAuthorNames(value);
  if (Array.isArray(value)) {
    const names = value
      .map((entry) =>
        typeof entry === "string"
          ? entry
          : isRecord(entry) && typeof entry["name"] === "string"
            ? entry["name"]
            : "",
      )
      .filter(Boolean);
    return splitAuthorNames(names);
  }
  if (isRecord(value) && typeof value["name"] === "string") return splitAuthorNames(value["name"]);
  return [];
}
