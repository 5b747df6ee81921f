"use server";
// A signed-in reader's follows from the reader's pages, as server actions over the follow
// procedures (in-process, as the signed-in account; the role check is the procedures').
import { revalidatePath } from "next/cache";
import { TRPCError } from "@trpc/server";
import { getCaller } from "./context";

export type ImportState = { message: string | null; error: string | null };
export type FollowState = { following: boolean; error: string | null };

function describe(error: unknown): string {
  if (error instanceof TRPCError) return error.message;
  console.error("[reader] follow action failed:", error);
  return "That did not work on our side. Try again in a moment.";
}

/** The topic page's Follow button, signed in: follows (follow=1) or unfollows through the account. */
export async function setFollowAction(previous: FollowState, form: FormData): Promise<FollowState> {
  const slug = String(form.get("slug") ?? "");
  const follow = form.get("follow") === "1";
  try {
    const caller = await getCaller();
    if (follow) await caller.follow.add({ slug });
    else await caller.follow.remove({ slug });
    revalidatePath("/account");
    revalidatePath("/me");
    return { following: follow, error: null };
  } catch (error) {
    return { following: previous.following, error: describe(error) };
  }
}

export async function unfollowAction(form: FormData): Promise<void> {
  const slug = String(form.get("slug") ?? "");
  await (await getCaller()).follow.remove({ slug });
  revalidatePath("/account");
}

/** Follows the topics this browser followed before signing in; says what it did. */
export async function importFollowsAction(_previous: ImportState, form: FormData): Promise<ImportState> {
  const slugs = form.getAll("slug").map(String);
  try {
    const result = await (await getCaller()).follow.import({ slugs });
    revalidatePath("/account");
    const parts = [
      `${result.added.length} topic${result.added.length === 1 ? "" : "s"} added to your account`,
      result.already.length ? `${result.already.length} already followed` : null,
      result.unknown.length ? `not found any more: ${result.unknown.join(", ")}` : null,
    ].filter(Boolean);
    return { message: `${parts.join("; ")}.`, error: null };
  } catch (error) {
    return { message: null, error: describe(error) };
  }
}
