import "server-only";
import { Client } from "pg";
import { getDatabaseHandle } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";

/**
 * Which state of the account mirror this instance has seen, so a page's reads of the mirror can be
 * kept between views until something changes. PostgreSQL tells every panel instance: a trigger on
 * each table a view reads (the mirror's, customers, their domains, display names; migration 0012)
 * sends NOTIFY mirror_changed, which PostgreSQL delivers only when the writing transaction
 * commits. This instance also moves on by itself right after its own writes (`mirrorChanged`),
 * without waiting for the notification to come back.
 *
 * While the listening connection is down nothing is kept: a view then reads PostgreSQL every time.
 */

const CHANNEL = "mirror_changed";
const MAX_ENTRIES = 500;
// Kept entries also age out, so a quiet panel does not hold a page nobody asks for.
const MAX_AGE_MS = 5 * 60_000;
const RECONNECT_MS = 2_000;

interface Entry {
  version: number;
  at: number;
  value: Promise<unknown>;
}

interface VersionState {
  version: number;
  listening: boolean;
  connecting?: Promise<void>;
  client?: Client;
  entries: Map<string, Entry>;
}

// On globalThis so Next's module copies (and dev reloads) share one listener and one store.
const globalState = globalThis as unknown as { mailpakMirrorVersion?: VersionState };
function state(): VersionState {
  globalState.mailpakMirrorVersion ??= { version: 0, listening: false, entries: new Map() };
  return globalState.mailpakMirrorVersion;
}

/** Something this instance wrote may change a view: forget everything kept. */
export function mirrorChanged(): void {
  const current = state();
  current.version += 1;
  current.entries.clear();
}

async function listen(): Promise<void> {
  const current = state();
  const { url } = await getDatabaseHandle();
  const client = new Client({ connectionString: url });
  const lost = (error?: unknown) => {
    if (current.client !== client) return;
    current.client = undefined;
    current.listening = false;
    mirrorChanged();
    if (error) logger.warn({ err: error }, "the mirror's change listener lost its connection");
    client.end().catch(() => undefined);
    setTimeout(() => void startListening(), RECONNECT_MS).unref();
  };
  client.on("notification", (message) => {
    if (message.channel === CHANNEL) mirrorChanged();
  });
  client.on("error", lost);
  client.on("end", () => lost());
  await client.connect();
  await client.query(`LISTEN ${CHANNEL}`);
  current.client = client;
  // Whatever changed before the listener was up is unknown: start from nothing kept.
  mirrorChanged();
  current.listening = true;
}

function startListening(): Promise<void> {
  const current = state();
  current.connecting ??= listen()
    .catch((error: unknown) => {
      logger.warn({ err: error }, "the mirror's change listener could not connect");
      setTimeout(() => void startListening(), RECONNECT_MS).unref();
    })
    .finally(() => {
      current.connecting = undefined;
    });
  return current.connecting;
}

/**
 * `read()`'s answer for `key`, kept until the mirror (or a customer, or a display name) changes:
 * concurrent views with the same key share one read. `key` must name everything the read depends
 * on (the user's scope, the query, today's date when it counts).
 */
export async function keptUntilMirrorChanges<T>(key: string, read: () => Promise<T>): Promise<T> {
  if (getEnv().MIRROR_KEEP_READS === "0") return read();
  const current = state();
  if (!current.listening) {
    void startListening();
    return read();
  }
  const now = Date.now();
  const kept = current.entries.get(key);
  if (kept && kept.version === current.version && now - kept.at < MAX_AGE_MS) {
    // Most recently used last, so the oldest is the first to go.
    current.entries.delete(key);
    current.entries.set(key, kept);
    return kept.value as Promise<T>;
  }
  const entry: Entry = { version: current.version, at: now, value: read() };
  current.entries.set(key, entry);
  if (current.entries.size > MAX_ENTRIES) {
    const oldest = current.entries.keys().next().value;
    if (oldest !== undefined) current.entries.delete(oldest);
  }
  entry.value.catch(() => {
    if (current.entries.get(key) === entry) current.entries.delete(key);
  });
  return entry.value as Promise<T>;
}

/** For tests: stop listening and forget everything. */
export async function stopMirrorListener(): Promise<void> {
  const current = state();
  const client = current.client;
  current.client = undefined;
  current.listening = false;
  current.entries.clear();
  await client?.end().catch(() => undefined);
}
