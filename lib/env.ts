import "server-only";
import { z } from "zod";
import { mailServerEnvIssues, mailServerEnvShape } from "@/lib/mail-setup/server-env";
import { invalidDnsServerEntries } from "@/lib/mail-health/dns-servers";
import { invalidProxyEntries } from "@/lib/security/client-ip";
import { MAX_SIZE } from "@/lib/validation/enom-rules";

/**
 * The environment contract (DEVELOPERS.md). The only module that reads `process.env` for the
 * app's configuration; everything else asks `getEnv()`.
 */
const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

const baseSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  ENOM_BASE_URL: z
    .url({
      message:
        "must be the full URL of eNom's interface.asp, e.g. https://resellertest.enom.com/interface.asp",
    })
    .refine((value) => /\/interface\.asp$/i.test(new URL(value).pathname), {
      message: "must end in /interface.asp",
    }),
  ENOM_UID: z
    .string()
    .min(1, "is required (your eNom reseller login ID)")
    .max(20, "has at most 20 characters"),
  /**
   * The account password or, as eNom now recommends, an API token: "Simply replace the password
   * with the API token" (api-tokens.md). Tokens are longer than the 20 characters eNom's older
   * pages give PW, and their length is not documented: up to 256 (MAX_SIZE.pw).
   */
  ENOM_PW: z
    .string()
    .min(1, "is required (your eNom API token, or the account password)")
    .max(MAX_SIZE.pw, `has at most ${MAX_SIZE.pw} characters`),
  ENOM_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(30_000),
  ENOM_MAX_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  ENOM_READ_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  /** How old a domain's mirror rows may be before a view reads eNom again behind the page. */
  MIRROR_FRESH_MS: z.coerce.number().int().min(0).max(86_400_000).default(60_000),
  /**
   * Keep a page's reads of the mirror until PostgreSQL says it changed (lib/mirror/version.ts);
   * `0` reads PostgreSQL on every view (the unit tests, which write the tables directly).
   */
  MIRROR_KEEP_READS: z.enum(["0", "1"]).default("1"),
  /** When the storage-alert pass runs (cron, UTC); every 15 minutes unless set. */
  STORAGE_ALERT_SCHEDULE: z
    .string()
    .trim()
    .regex(/^\S+( \S+){4}$/, "is a cron schedule of five fields, e.g. */15 * * * *")
    .default("*/15 * * * *"),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL (leave it unset for the embedded database)")
      .optional(),
  ),
  /** Without DATABASE_URL, the folder of the PostgreSQL server the panel starts itself. */
  EMBEDDED_POSTGRES_DIR: z.string().default("./data/postgres"),
  REDIS_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^rediss?:\/\//, "must be a redis:// URL (leave it unset to keep limits in memory)")
      .optional(),
  ),
  AUTH_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (generate one with: openssl rand -base64 32)"),
  PUBLIC_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ message: "must be the panel's public URL, e.g. https://mail.example.com" }).optional(),
  ),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** SMTP server for the portal's emails, e.g. smtp://user:pass@mail.example.com:587. */
  SMTP_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(
        /^smtps?:\/\//,
        "must be an smtp:// or smtps:// URL (leave it unset to write emails to MAIL_CAPTURE_DIR)",
      )
      .optional(),
  ),
  MAIL_FROM: z.string().min(3).default("Mailpak <no-reply@localhost>"),
  /** Where emails are written as files instead of sent (the demo and the tests read them there). */
  MAIL_CAPTURE_DIR: z.preprocess(emptyAsUndefined, z.string().optional()),
  /** Requests per minute each API key may make (lib/api/rate-limit.ts). */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
  /** Bearer token for GET /api/metrics; unset, the endpoint answers 404. */
  METRICS_TOKEN: z.preprocess(
    emptyAsUndefined,
    z.string().min(16, "must be at least 16 characters").optional(),
  ),
  MAILPAK_DEMO: z.preprocess(emptyAsUndefined, z.enum(["0", "1"]).optional()),
  /**
   * The first wait before a failed webhook delivery is tried again (then 4×, 20×, 120×… of it:
   * lib/webhooks/model.ts). Tests and the e2e panel shorten it to see retries within seconds.
   */
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  /**
   * `1` lets webhooks go to loopback and private addresses in production (a billing system on
   * the same network); they always may outside production and against the eNom simulator.
   */
  WEBHOOK_ALLOW_PRIVATE_URLS: z.preprocess(emptyAsUndefined, z.enum(["0", "1"]).optional()),
  /** The mail servers the mailbox setup pages name (lib/mail-setup/server-env.ts). */
  ...mailServerEnvShape,
  /**
   * The load balancers and reverse proxies in front of the panel (addresses or CIDR blocks,
   * comma-separated). Only their X-Forwarded-For / X-Real-IP are believed; unset, none are, and the
   * client's address is the socket's.
   */
  TRUSTED_PROXIES: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .refine((value) => invalidProxyEntries(value).length === 0, {
        error: (issue) =>
          `must be IP addresses or CIDR blocks separated by commas (not ${invalidProxyEntries(
            String(issue.input),
          )
            .map((entry) => `"${entry}"`)
            .join(", ")})`,
      })
      .optional(),
  ),
  /**
   * The DNS resolvers the mail health check asks (addresses with an optional port, comma-separated,
   * e.g. 127.0.0.1:5354 for the simulator's DNS server); unset, the system's resolvers.
   */
  DNS_SERVERS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .refine((value) => invalidDnsServerEntries(value).length === 0, {
        error: (issue) =>
          `must be IP addresses, each with an optional :port, separated by commas, e.g. 127.0.0.1:5354 (not ${invalidDnsServerEntries(
            String(issue.input),
          )
            .map((entry) => `"${entry}"`)
            .join(", ")})`,
      })
      .optional(),
  ),
});

export const envSchema = baseSchema.superRefine((env, context) => {
  // Links in emails (password resets, invitations) are built from PUBLIC_URL and never from a
  // request's Host header, which whoever sends the request chooses.
  if (env.NODE_ENV === "production" && !env.PUBLIC_URL)
    context.addIssue({
      code: "custom",
      path: ["PUBLIC_URL"],
      message:
        "is required in production (e.g. https://mail.example.com): links in emails are built from it, never from a request's Host header",
    });
  for (const issue of mailServerEnvIssues(env))
    context.addIssue({ code: "custom", path: [issue.path], message: issue.message });
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Mailpak cannot start; fix its environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Validates a whole environment; one line per problem, naming the variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".") || "environment";
    const missing = issue.code === "invalid_type" && source[name] === undefined;
    return missing ? `${name} is missing` : `${name} ${issue.message}`;
  });
  throw new EnvError(problems);
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
