/**
 * Creates or updates a user who can sign in.
 *
 *   npm run user:create -- --email ann@example.com --role ADMIN [--name "Ann Lee"] [--password …]
 *
 * Without --password the password is read from stdin when it is piped (first line), or prompted
 * for without echo on a terminal. Upserts by normalised email: an existing user gets the new role,
 * password and (if given) name. Uses DATABASE_URL, else the development embedded PostgreSQL
 * (migrations must have been applied: `npm run db:migrate`).
 */
import { parseArgs } from "node:util";
import { hashPassword } from "@/lib/auth/password";
import { createPrisma } from "@/lib/db/client";
import { normalizeEmail } from "@/lib/utils";
import { USER_ROLES, ZNewPassword, ZUserCreateArgs, type TUserCreateArgs } from "@/lib/validations/auth";
import { getDatabase } from "./lib/database";

const USAGE = `Usage: npm run user:create -- --email <email> --role <${USER_ROLES.join("|")}> [--name "<name>"] [--password <password>]

  --email     sign-in email (stored trimmed and lowercased)
  --role      ${USER_ROLES.join(", ")}
  --name      display name (default for a new user: the part of the email before @)
  --password  at least 8 characters; omit it to type it (hidden) or pipe it on stdin`;

class UsageError extends Error {}

function parseCommandLine(argv: string[]): TUserCreateArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        email: { type: "string" },
        role: { type: "string" },
        name: { type: "string" },
        password: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const parsed = ZUserCreateArgs.safeParse(values);
  if (!parsed.success) {
    throw new UsageError(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
  }
  return parsed.data;
}

/** All of stdin, first line only (so `echo secret | npm run user:create …` works). */
async function readPipedPassword(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

/** Prompts on the terminal without echoing what is typed. */
function promptHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stdout.write(prompt);
    let value = "";
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      process.stdout.write("\n");
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (data: Buffer) => {
      for (const char of data.toString("utf8")) {
        if (char === "\r" || char === "\n" || char === "\u0004") return finish();
        if (char === "\u0003") return finish(new UsageError("Cancelled."));
        if (char === "\u007f" || char === "\b") value = value.slice(0, -1);
        else if (char >= " ") value += char;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on("data", onData);
  });
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readPipedPassword();
  const first = await promptHidden("Password: ");
  const check = ZNewPassword.safeParse(first);
  if (!check.success) return first; // reported by the caller
  const second = await promptHidden("Repeat password: ");
  if (first !== second) throw new UsageError("The passwords do not match.");
  return first;
}

async function usersTableExists(prisma: ReturnType<typeof createPrisma>): Promise<boolean> {
  const rows = await prisma.$queryRaw<Array<{ exists: boolean }>>`SELECT to_regclass('public.users') IS NOT NULL AS "exists"`;
  return rows[0]?.exists === true;
}

async function main(): Promise<number> {
  let args: TUserCreateArgs;
  let password: string;
  try {
    args = parseCommandLine(process.argv.slice(2));
    const rawPassword = args.password ?? (await readPassword());
    const checked = ZNewPassword.safeParse(rawPassword);
    if (!checked.success) throw new UsageError(checked.error.issues[0]?.message ?? "Invalid password.");
    password = checked.data;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 1;
    }
    throw error;
  }

  const email = normalizeEmail(args.email);
  const passwordHash = await hashPassword(password);
  const database = await getDatabase((line) => console.error(line));
  const prisma = createPrisma(database.url);
  try {
    if (!(await usersTableExists(prisma))) {
      console.error("The users table does not exist in this database. Run `npm run db:migrate` first.");
      return 1;
    }
    const existing = await prisma.user.findUnique({ where: { email }, select: { id: true } });
    const user = await prisma.user.upsert({
      where: { email },
      create: { email, name: args.name ?? email.split("@")[0] ?? email, role: args.role, passwordHash },
      // The way back in for a locked-out admin: a new password ends the account's other sessions,
      // and a deactivated account is active again.
      update: { role: args.role, passwordHash, sessionVersion: { increment: 1 }, deactivatedAt: null, ...(args.name ? { name: args.name } : {}) },
      select: { id: true, email: true, name: true, role: true },
    });
    const verb = existing ? "Updated" : "Created";
    console.log(`${verb} user ${user.email} (${user.name}) with role ${user.role}${existing ? "; password replaced, other sessions signed out, account active" : ""}.`);
    return 0;
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
