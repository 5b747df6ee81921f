// An anonymous caller for the pages every reader sees the same way (home, topic, story,
// feeds, sitemap). It reads no request headers, so those pages can be cached and served
// without touching the database per request; signed-in views use getCaller().
import { cache } from "react";
import { TRPCError } from "@trpc/server";
import { createCaller, createInnerContext } from "@dispatch/api";
import { getDb } from "@dispatch/db";

export const getPublicCaller = cache(() =>
  createCaller(createInnerContext({ db: getDb(), user: null, via: "ui" })),
);

/** Runs a read and turns the API's NOT_FOUND into null, so a page can call notFound(). */
export async function orNull<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}
