/**
 * `npm run create-admin`: the first admin of a new installation, from flags or interactively.
 *   npm run create-admin -- --email ada@example.com --name "Ada Lovelace"   (asks for the password)
 *   npm run create-admin -- --email … --name … --password-stdin < file
 * Uses DATABASE_URL when set, else the panel's embedded PostgreSQL in EMBEDDED_POSTGRES_DIR
 * (default ./data/postgres): the running panel's server when there is one, else started for the
 * command and stopped after.
 */
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import { checkPasswordAgainst } from "@/lib/validation/password-policy";
import { openDatabase, type DatabaseHandle } from "@/lib/db/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { users } from "@/lib/db/schema";
import { emailSchema, panelPasswordSchema, personNameSchema } from "@/lib/validation/account";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, "password-stdin": { type: "boolean" } },
});

async function openPanelDatabase(): Promise<DatabaseHandle> {
  if (process.env.DATABASE_URL) return openDatabase({ databaseUrl: process.env.DATABASE_URL });
  const server = await startEmbeddedPostgres({
    dataDir: process.env.EMBEDDED_POSTGRES_DIR || "./data/postgres",
    borrow: true,
  });
  return openDatabase({ databaseUrl: server.url, kind: "embedded", onClose: server.stop });
}

async function ask(question: string, hidden = false): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  if (hidden) {
    // Echo nothing while the password is typed.
    const output = rl as unknown as { _writeToOutput: (text: string) => void };
    output._writeToOutput = (text: string) => {
      if (text.includes(question)) process.stdout.write(text);
    };
  }
  const answer = await rl.question(question);
  rl.close();
  if (hidden) process.stdout.write("\n");
  return answer;
}

async function readStdin(): Promise<string> {
  let data = "";
  for await (const chunk of process.stdin) data += chunk;
  return data.replace(/\r?\n$/, "");
}

function check<T>(schema: z.ZodType<T>, value: unknown, label: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  console.error(`${label}: ${result.error.issues.map((issue) => issue.message).join(" ")}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const email = check(emailSchema, values.email ?? (await ask("Email: ")), "Email");
  const name = check(personNameSchema, values.name ?? (await ask("Name: ")), "Name");
  let password: string;
  if (values["password-stdin"]) {
    password = check(panelPasswordSchema, await readStdin(), "Password");
  } else {
    password = check(panelPasswordSchema, await ask("Password: ", true), "Password");
    if ((await ask("Password again: ", true)) !== password) {
      console.error("The two passwords do not match.");
      process.exit(2);
    }
  }
  const weakness = await checkPasswordAgainst(password, [email, name]);
  if (weakness) {
    console.error(`Password: ${weakness}`);
    process.exit(2);
  }

  const handle = await openPanelDatabase();
  try {
    await handle.migrate();
    const [existing] = await handle.db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`)
      .limit(1);
    if (existing) {
      console.error(`A user with the email ${email} already exists.`);
      process.exitCode = 2;
    } else {
      await handle.db
        .insert(users)
        .values({ email, name, role: "admin", passwordHash: await hashPassword(password) });
      console.log(
        `Created admin ${email} in the ${handle.kind === "postgres" ? "PostgreSQL" : "embedded"} database.`,
      );
    }
  } finally {
    await handle.close();
  }
}

void main();
