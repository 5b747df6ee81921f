"use server";
// The account page's digest settings as server actions over the me.* procedures (in-process,
// as the signed-in account): the e-mail digest's frequency and the private feed's address.
import { revalidatePath } from "next/cache";
import { TRPCError } from "@trpc/server";
import { getCaller } from "./context";

export type DigestFormState = { message: string | null; error: string | null };

function describe(error: unknown): string {
  if (error instanceof TRPCError) return error.message;
  console.error("[reader] digest action failed:", error);
  return "That did not work on our side. Try again in a moment.";
}

const FREQUENCY_NOTES: Record<string, string> = {
  daily: "You will get a daily digest when something is new in the topics you follow.",
  weekly: "You will get a weekly digest when something is new in the topics you follow.",
  off: "The e-mail digest is off.",
};

export async function setDigestFrequencyAction(
  _previous: DigestFormState,
  form: FormData,
): Promise<DigestFormState> {
  try {
    const settings = await (
      await getCaller()
    ).me.setDigestFrequency({ frequency: String(form.get("frequency") ?? "") });
    revalidatePath("/account");
    return { message: FREQUENCY_NOTES[settings.frequency] ?? null, error: null };
  } catch (error) {
    return { message: null, error: describe(error) };
  }
}

export async function regenerateFeedTokenAction(): Promise<void> {
  await (await getCaller()).me.regenerateFeedToken();
  revalidatePath("/account");
}

export async function revokeFeedTokenAction(): Promise<void> {
  await (await getCaller()).me.revokeFeedToken();
  revalidatePath("/account");
}
