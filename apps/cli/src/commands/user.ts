// `dispatch user …`: create accounts, list them, change roles, disable and enable — the same
// procedures as the admin app, audited with the CLI as the channel.
import { InvalidArgumentError, type Command } from "commander";
import pc from "picocolors";
import { listUsers, type UserSummary } from "@dispatch/api";
import { MIN_PASSWORD_LENGTH, ROLES, type RoleName } from "@dispatch/auth";
import { createCliSession } from "../caller";
import { withDatabase } from "../database";
import { CliError } from "../errors";
import { describe } from "./catalogue";

function parseRole(value: string): RoleName {
  const role = value.trim().toLowerCase();
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new InvalidArgumentError(`"${value}" is not a role; use one of ${ROLES.join(", ")}.`);
  }
  return role as RoleName;
}

export function registerUserCommands(program: Command): void {
  const user = program.command("user").description(describe("user"));

  user
    .command("create")
    .description("create an account that can sign in at once")
    .requiredOption("--email <email>", "the person's email (their sign-in name)")
    .option("--role <role>", `one of ${ROLES.join(", ")}`, parseRole, "editor" as RoleName)
    .option("--name <name>", "display name (default: from the email)")
    .option("--generate-password", "generate a password even when a terminal could prompt for one")
    .action(async (options: { email: string; role: RoleName; name?: string; generatePassword?: boolean }) => {
      // At a terminal, the person types a password; in scripts one is generated and printed once.
      const password =
        process.stdin.isTTY && !options.generatePassword ? await promptNewPassword() : undefined;
      await withDatabase(async (db) => {
        const created = await createCliSession(db).caller.user.invite({
          email: options.email,
          role: options.role,
          ...(options.name ? { name: options.name } : {}),
          ...(password ? { password } : {}),
        });
        console.log(`Created ${pc.bold(created.user.email)} (${created.user.role}, "${created.user.name}").`);
        if (!password) {
          console.log(`Password: ${pc.bold(created.password)}`);
          console.log(pc.dim("  Shown once; only its hash is stored. Hand it over securely."));
        }
      });
    });

  user
    .command("list")
    .description("list accounts with their roles")
    .action(async () => {
      await withDatabase(async (db) => {
        const users = await listUsers(db);
        if (users.length === 0) {
          console.log(
            `No accounts yet. Create one: ${pc.bold("pnpm dispatch user create --email you@example.com --role admin")}`,
          );
          return;
        }
        printUsers(users);
      });
    });

  user
    .command("role")
    .description("change an account's role")
    .argument("<email>", "the account's email")
    .argument("<role>", `one of ${ROLES.join(", ")}`, parseRole)
    .action(async (email: string, role: RoleName) => {
      await withDatabase(async (db) => {
        const updated = await createCliSession(db).caller.user.changeRole({ email, role });
        console.log(`${pc.bold(updated.email)} is now ${pc.bold(updated.role)}.`);
      });
    });

  user
    .command("disable")
    .description("stop an account signing in (its open sessions end now)")
    .argument("<email>", "the account's email")
    .action(async (email: string) => {
      await withDatabase(async (db) => {
        const updated = await createCliSession(db).caller.user.disable({ email });
        console.log(
          `${pc.bold(updated.email)} is disabled. ${pc.dim(`Undo: pnpm dispatch user enable ${updated.email}`)}`,
        );
      });
    });

  user
    .command("enable")
    .description("let a disabled account sign in again")
    .argument("<email>", "the account's email")
    .action(async (email: string) => {
      await withDatabase(async (db) => {
        const updated = await createCliSession(db).caller.user.enable({ email });
        console.log(`${pc.bold(updated.email)} can sign in again.`);
      });
    });
}

function printUsers(users: UserSummary[]): void {
  const emailWidth = Math.max(5, ...users.map((entry) => entry.email.length));
  console.log(pc.dim(`${"EMAIL".padEnd(emailWidth)}  ROLE    STATUS    LAST SIGN-IN      NAME`));
  for (const entry of users) {
    const status = entry.disabled ? pc.red("disabled") : pc.green("active  ");
    const last = entry.lastSignInAt
      ? entry.lastSignInAt.toISOString().slice(0, 16).replace("T", " ")
      : "never           ";
    console.log(
      `${entry.email.padEnd(emailWidth)}  ${entry.role.padEnd(6)}  ${status}  ${last}  ${entry.name}`,
    );
  }
}

async function promptNewPassword(): Promise<string> {
  const first = await promptHidden(`Password (at least ${MIN_PASSWORD_LENGTH} characters): `);
  if (first.length < MIN_PASSWORD_LENGTH) {
    throw new CliError(`The password is ${first.length} characters; use at least ${MIN_PASSWORD_LENGTH}.`);
  }
  const second = await promptHidden("Repeat the password: ");
  if (first !== second)
    throw new CliError("The passwords differ; nothing was created. Run the command again.");
  return first;
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stdout.write(question);
    let value = "";
    const finish = (error: Error | null) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      process.stdout.write("\n");
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString("utf8")) {
        if (char === "\r" || char === "\n") return finish(null);
        if (char === "\u0003") return finish(new CliError("Cancelled.", 130));
        if (char === "\u007f" || char === "\b") value = value.slice(0, -1);
        else if (char >= " ") value += char;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on("data", onData);
  });
}
