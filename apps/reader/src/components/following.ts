// Followed topics and last visits live in this browser's localStorage: no account needed.
// Every read tolerates a missing, blocked or corrupt store.
export type FollowedTopic = { slug: string; name: string };
export type Visit = { at: string; version: number; pointIds: string[] };

const FOLLOWING_KEY = "dispatch:following";
const visitKey = (slug: string) => `dispatch:visit:${slug}`;
export const FOLLOWING_EVENT = "dispatch:following-changed";

function read<T>(key: string, valid: (value: unknown) => value is T): T | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const value: unknown = JSON.parse(raw);
    return valid(value) ? value : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode or a full store: following simply does not persist.
  }
}

const isFollowedList = (value: unknown): value is FollowedTopic[] =>
  Array.isArray(value) &&
  value.every((item) => typeof item?.slug === "string" && typeof item?.name === "string");
const isVisit = (value: unknown): value is Visit =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as Visit).at === "string" &&
  Array.isArray((value as Visit).pointIds);

export function readFollowing(): FollowedTopic[] {
  return read(FOLLOWING_KEY, isFollowedList) ?? [];
}

export function setFollowing(topic: FollowedTopic, follow: boolean): FollowedTopic[] {
  const rest = readFollowing().filter((item) => item.slug !== topic.slug);
  const next = follow ? [...rest, topic] : rest;
  write(FOLLOWING_KEY, next);
  window.dispatchEvent(new Event(FOLLOWING_EVENT));
  return next;
}

export function readVisit(slug: string): Visit | null {
  return read(visitKey(slug), isVisit);
}

export function writeVisit(slug: string, visit: Visit): void {
  write(visitKey(slug), visit);
}
