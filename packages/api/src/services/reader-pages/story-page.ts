// The reader's story page in one read: the story as paragraphs of indexed sentences and the
// briefings citing it, or "not-found" for a story that does not exist or is not public.
import type { Db } from "@dispatch/db";
import { AppError } from "../../errors";
import { readStory, type StoryReading } from "../stories";

export type StoryPage = ({ kind: "story" } & StoryReading) | { kind: "not-found" };

export async function getStoryPage(db: Db, idOrSlug: string): Promise<StoryPage> {
  try {
    return { kind: "story", ...(await readStory(db, idOrSlug)) };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return { kind: "not-found" };
    throw error;
  }
}
