#!/usr/bin/env node
// `npm run soak`: mixed traffic through the real panel with upstream faults injected, then a check
// that the audit log and the simulator agree. Bounded (--minutes), loopback only, its own ports.
//   --minutes N (10)  --users N (50)  --fault-rate F (0.05)  --database embedded|postgres  --skip-build
//   --heap-mb N (384, as `npm start` runs the panel; 0 for no cap): the panel's V8 heap
//                (--max-old-space-size); with a cap a leak would crash, without one the heap
//                grows only because memory is there
//   SOAK_PANEL_PORT (3581), SOAK_SIM_PORT (4581)
// Writes the soak section of docs/benchmarks.md and prints where.
import { withStoppedEmbeddedPostgres } from "./lib/embedded-postgres.mjs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { actionIds, callAction } from "./bench/actions.mjs";
import { pagePath } from "./bench/bulk.mjs";
import {
  domainWithFreePak,
  ensureBuild,
  POSTGRES_URL,
  root,
  rssMb,
  signIn,
  simCounters,
  sleep,
  startPanel,
  startSimulator,
  stopAll,
} from "./bench/lib.mjs";
import { machine, met, ms, num, table, writeSection } from "./bench/report.mjs";
import { log } from "./lib/ensure.mjs";

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const at = argv.indexOf(name);
  return at >= 0 && argv[at + 1] !== undefined ? argv[at + 1] : fallback;
};
const minutes = Number(option("--minutes", "10"));
const users = Number(option("--users", "50"));
const faultRate = Number(option("--fault-rate", "0.05"));
const database = option("--database", "embedded");
const heapMb = Number(option("--heap-mb", "384")) || "";
if (
  !(minutes > 0 && minutes <= 120) ||
  !(users >= 1 && users <= 500) ||
  !(faultRate >= 0 && faultRate < 1) ||
  !["embedded", "postgres"].includes(database)
) {
  console.error(
    "usage: npm run soak -- [--minutes 1..120] [--users 1..500] [--fault-rate 0..0.99] [--database embedded|postgres]",
  );
  process.exit(2);
}
const panelPort = Number(process.env.SOAK_PANEL_PORT ?? 3581);
const simPort = Number(process.env.SOAK_SIM_PORT ?? 4581);

/** The faults injected, one call each, among the calls the panel makes. */
const FAULT_MODES = ["http500", "reset", "malformed", "error", "commit-then-drop"];
const SOAK_NAME = /^s\d+n\d+$/;
const WRITES = new Set(["mailbox.create", "mailbox.delete", "mailbox.password-reset", "pak.autoRenew"]);

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF) into objects by the header row. */
function parseCsv(text) {
  const records = [];
  let field = "";
  let record = [];
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && body[i + 1] === "\n") i += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += c;
  }
  if (field || record.length) records.push([...record, field]);
  const [header = [], ...rows] = records;
  return rows
    .filter((r) => r.length > 1)
    .map((r) => Object.fromEntries(header.map((name, i) => [name, r[i] ?? ""])));
}
const DOMAINS_USED = 5;
const MAX_LIVE_PER_USER = 3;

const password = () => `Sk9${randomBytes(5).toString("hex")}`;
const pick = (items) => items[Math.floor(Math.random() * items.length)];

const stats = {
  requests: 0,
  byKind: {},
  statuses: {},
  serverErrors: [], // 5xx other than a read route's 502/503 for eNom
  gatewayErrors: 0, // a read route's 502/503: eNom refused or failed, told to the user
  actionsOk: 0,
  actionsNotOk: 0,
  transportErrors: 0,
  faultsArmed: 0,
  faultsByMode: {},
};

function count(kind, status, ms) {
  stats.requests += 1;
  const entry = (stats.byKind[kind] ??= { n: 0, totalMs: 0, maxMs: 0 });
  entry.n += 1;
  entry.totalMs += ms;
  entry.maxMs = Math.max(entry.maxMs, ms);
  stats.statuses[status] = (stats.statuses[status] ?? 0) + 1;
}

async function timed(kind, work) {
  const started = performance.now();
  try {
    const value = await work();
    count(kind, value.status, performance.now() - started);
    return value;
  } catch (error) {
    stats.transportErrors += 1;
    count(kind, "error", performance.now() - started);
    return { status: "error", error };
  }
}

async function main() {
  const about = machine();
  ensureBuild({ skipBuild: argv.includes("--skip-build"), log });
  log(`Soak: ${minutes} min, ${users} users, ${Math.round(faultRate * 100)} % upstream faults.`);
  const sim = await startSimulator({ port: simPort, latencyMs: 0 });
  const panel = await startPanel({
    port: panelPort,
    simPort,
    database,
    env: heapMb ? { NODE_OPTIONS: `--max-old-space-size=${Number(heapMb)}` } : {},
  });
  const dataDir = path.join(root, `data/bench-${panelPort}/postgres`);
  let panelStopped = false;
  try {
    // Room to work in: a 90-mailbox pak on a few domains (bought at the simulator, not through the panel).
    const lanes = [];
    const used = new Set();
    for (let i = 0; i < DOMAINS_USED; i += 1) {
      const host = await domainWithFreePak(sim.url, 1, used);
      if (!host) break;
      used.add(host.domain);
      const [sld, ...tld] = host.domain.split(".");
      const query = new URLSearchParams({
        command: "PurchaseServices",
        uid: "resellid",
        pw: "resellpw",
        responsetype: "text",
        service: "pop3",
        SLD: sld,
        TLD: tld.join("."),
        Quantity: "90",
        QuantityUnit: "boxes",
        Capacity: "1",
        BillingPeriod: "year",
      });
      const text = await (await fetch(`${sim.url}?${query}`)).text();
      const bundleId = Number(/BundleID=(\d+)/i.exec(text)?.[1]);
      if (!bundleId) throw new Error(`could not buy a pak for ${host.domain}: ${text.slice(0, 200)}`);
      lanes.push({ domain: host.domain, bundleId, page: `/domains/${host.domain}` });
    }
    if (lanes.length === 0) throw new Error("the simulator has no domain with a pak");

    const ids = actionIds();
    for (const name of [
      "createMailboxesAction",
      "resetMailboxPasswordsAction",
      "deleteMailboxesAction",
      "setPakAutoRenewAction",
    ])
      if (!ids[name]) throw new Error(`${name} is not in the build's server reference manifest`);
    const cookies = [
      await signIn(panel.origin, "admin@demo.test"),
      await signIn(panel.origin, "staff@demo.test"),
    ];

    const deadline = Date.now() + minutes * 60_000;
    const rss = [];
    const sampleRss = () =>
      rss.push({ t: (Date.now() - (deadline - minutes * 60_000)) / 1000, mb: rssMb(panel.child.pid) });
    sampleRss();
    const rssTimer = setInterval(sampleRss, 10_000);

    // Faults: for every new upstream call, `faultRate` of a one-shot fault on the next call.
    let lastTotal = (await simCounters(sim.origin)).total;
    let owed = 0;
    const faultTimer = setInterval(async () => {
      try {
        const { total } = await simCounters(sim.origin);
        owed += (total - lastTotal) * faultRate;
        lastTotal = total;
        while (owed >= 1) {
          owed -= 1;
          const mode = pick(FAULT_MODES);
          await fetch(`${sim.origin}/_sim/faults`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ command: "*", mode, times: 1 }),
          });
          stats.faultsArmed += 1;
          stats.faultsByMode[mode] = (stats.faultsByMode[mode] ?? 0) + 1;
        }
      } catch {
        // the simulator is busy; try again next tick
      }
    }, 250);

    const action = (name, lane, cookie, input) =>
      timed(`action ${name}`, async () => {
        const id = ids[name];
        const page = pagePath(id.pages.find((p) => !p.includes("portal")) ?? id.pages[0], lane.domain);
        const answer = await callAction({
          origin: panel.origin,
          cookie,
          page,
          id: id.id,
          input,
          signal: AbortSignal.timeout(60_000),
        });
        if (answer.status >= 500) stats.serverErrors.push(`${name}: HTTP ${answer.status}`);
        else if (answer.result?.ok) stats.actionsOk += 1;
        else stats.actionsNotOk += 1;
        return answer;
      });

    const get = (kind, url, cookie, isRead) =>
      timed(kind, async () => {
        const response = await fetch(`${panel.origin}${url}`, {
          headers: { cookie },
          signal: AbortSignal.timeout(60_000),
        });
        const body = await response.text();
        if (response.status >= 500) {
          // A read route says 502/503 when eNom refused or did not answer, with a message for the user.
          const handled =
            isRead && (response.status === 502 || response.status === 503) && body.includes('"ok":false');
          if (handled) stats.gatewayErrors += 1;
          else stats.serverErrors.push(`GET ${url}: HTTP ${response.status}`);
        }
        return { status: response.status };
      });

    async function user(index) {
      const lane = lanes[index % lanes.length];
      const cookie = cookies[index % cookies.length];
      const live = [];
      let next = 1;
      while (Date.now() < deadline) {
        const roll = Math.random();
        if (roll < 0.25) await get("page /domains", "/domains", cookie, false);
        else if (roll < 0.4) await get("page /domains/[domain]", lane.page, cookie, false);
        else if (roll < 0.7)
          await get("read /api/domains/[domain]/email", `/api/domains/${lane.domain}/email`, cookie, true);
        else if (roll < 0.82 || live.length === 0) {
          if (live.length >= MAX_LIVE_PER_USER) {
            const name = live.shift();
            await action("deleteMailboxesAction", lane, cookie, { domain: lane.domain, userNames: [name] });
          } else {
            const name = `s${index}n${next++}`;
            const answer = await action("createMailboxesAction", lane, cookie, {
              domain: lane.domain,
              bundleId: lane.bundleId,
              mailboxes: [{ userName: name, password: password(), isAdmin: false }],
            });
            // Kept even when unconfirmed: deleting it later is how a user would tidy up.
            if (answer.result?.ok || answer.result === null || answer.status !== 200) live.push(name);
            else if (/not confirmed|may have/i.test(answer.result?.message ?? "")) live.push(name);
          }
        } else if (roll < 0.9) {
          const name = pick(live);
          await action("resetMailboxPasswordsAction", lane, cookie, {
            domain: lane.domain,
            bundleId: lane.bundleId,
            items: [{ userName: name, password: password() }],
          });
        } else if (roll < 0.97) {
          const name = live.shift();
          await action("deleteMailboxesAction", lane, cookie, { domain: lane.domain, userNames: [name] });
        } else {
          await action("setPakAutoRenewAction", lane, cookie, {
            domain: lane.domain,
            bundleId: lane.bundleId,
            autoRenew: Math.random() < 0.5,
          });
        }
        await sleep(100 + Math.random() * 400); // a user's pause between clicks
      }
    }

    const progress = setInterval(
      () =>
        log(
          `Soak: ${stats.requests} requests, ${stats.faultsArmed} faults, RSS ${num(rss.at(-1)?.mb)} MB, ${Math.max(0, Math.round((deadline - Date.now()) / 1000))} s left`,
        ),
      30_000,
    );
    await Promise.all(Array.from({ length: users }, (_, i) => sleep(i * 20).then(() => user(i))));
    clearInterval(progress);
    clearInterval(faultTimer);
    clearInterval(rssTimer);
    sampleRss();
    await fetch(`${sim.origin}/_sim/faults`, { method: "DELETE" });
    log(`Soak: traffic done (${stats.requests} requests). Checking the audit log against the simulator…`);

    // The simulator's truth, and the audit log as the panel exports it (CSV, as an admin would).
    const truth = new Map();
    for (const lane of lanes)
      truth.set(lane.domain, await (await fetch(`${sim.origin}/_sim/state/domain/${lane.domain}`)).json());
    const exported = await fetch(`${panel.origin}/api/audit/export`, { headers: { cookie: cookies[0] } });
    if (!exported.ok) throw new Error(`the audit export answered ${exported.status}`);
    const all = parseCsv(await exported.text());
    const rows = all
      .filter((row) => WRITES.has(row.action))
      .map((row) => ({ ...row, id: Number(row.id), details: row.details ? JSON.parse(row.details) : {} }))
      .sort((a, b) => a.id - b.id);
    // And once more after the panel stopped: what the database kept.
    panel.stop();
    panelStopped = true;
    await sleep(3_000);
    const kept = await auditKept(dataDir);
    const durability = {
      exported: all.length,
      exportedLast: Math.max(...all.map((r) => Number(r.id))),
      ...kept.rows[0],
    };
    const check = reconcile(rows, truth, lanes);
    check.durability = durability;
    const memory = memorySummary(rss);
    const file = writeSection(`soak:${database}`, soakSection({ about, stats, check, memory, lanes }), {});
    log(`Soak: wrote ${path.relative(process.cwd(), file)}.`);
    console.log(
      JSON.stringify(
        {
          stats: { ...stats, serverErrors: stats.serverErrors.slice(0, 20) },
          check: { ...check, mismatches: check.mismatches.slice(0, 20) },
          memory,
        },
        null,
        2,
      ),
    );
    return check.mismatches.length === 0 && stats.serverErrors.length === 0;
  } finally {
    if (!panelStopped) panel.stop();
    await stopAll(sim);
    await panel.cleanup?.();
  }
}

async function auditKept(dataDir) {
  const sql = "select count(*)::int as n, max(id)::int as last from audit_log";
  if (database === "embedded") return withStoppedEmbeddedPostgres(dataDir, (url) => query(url, sql));
  const url = new URL(POSTGRES_URL);
  url.pathname = `/mailpak_bench_${panelPort}`;
  return query(url.toString(), sql);
}

async function query(connectionString, sql) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Replays the audit log, in order, into what the simulator should hold for the soak's own
 * mailboxes and the lanes' paks, and compares. `unknown` rows make their subjects unknowable
 * (listed, not compared) until a later confirmed change settles them.
 */
function reconcile(rows, truth, lanes) {
  const expected = new Map(); // "domain/name" → "present" | "absent" | "unknown"
  const renew = new Map(); // "domain/bundle" → true | false | "unknown"
  const unknownRows = [];
  const counts = { ok: 0, failed: 0, unknown: 0 };
  for (const row of rows) {
    counts[row.outcome] = (counts[row.outcome] ?? 0) + 1;
    if (row.outcome === "unknown") unknownRows.push(`#${row.id} ${row.action}: ${row.summary}`);
    const details = row.details ?? {};
    if (row.action === "mailbox.create" || row.action === "mailbox.delete") {
      const after = row.action === "mailbox.create" ? "present" : "absent";
      for (const result of details.results ?? []) {
        if (!SOAK_NAME.test(result.userName)) continue;
        const key = `${row.domain}/${result.userName.toLowerCase()}`;
        if (result.outcome === "ok") expected.set(key, after);
        else if (result.outcome === "unknown") expected.set(key, "unknown");
        // failed: nothing changed
      }
    } else if (row.action === "pak.autoRenew") {
      const key = `${row.domain}/${row.pak_id}`;
      if (row.outcome === "ok") renew.set(key, details.to);
      else if (row.outcome === "unknown") renew.set(key, "unknown");
    }
  }

  const mismatches = [];
  let compared = 0;
  let unknowable = 0;
  const seen = new Set();
  for (const lane of lanes) {
    const state = truth.get(lane.domain);
    const present = new Set(
      (state.mailboxes ?? []).map((m) => m.userName.toLowerCase()).filter((n) => SOAK_NAME.test(n)),
    );
    for (const name of present) {
      const key = `${lane.domain}/${name}`;
      seen.add(key);
      const want = expected.get(key);
      if (want === "unknown") unknowable += 1;
      else if (want !== "present")
        mismatches.push(`${key}: at eNom, but the audit log says ${want ?? "it was never created"}`);
      else compared += 1;
    }
    const pak = (state.paks ?? []).find((p) => p.bundleId === lane.bundleId);
    const wantRenew = renew.get(`${lane.domain}/${lane.bundleId}`);
    if (pak && wantRenew !== undefined && wantRenew !== "unknown") {
      compared += 1;
      if (pak.autoRenew !== wantRenew)
        mismatches.push(
          `${lane.domain} pak ${lane.bundleId}: auto-renew ${pak.autoRenew} at eNom, audit log says ${wantRenew}`,
        );
    }
  }
  for (const [key, want] of expected) {
    if (seen.has(key)) continue;
    if (want === "unknown") unknowable += 1;
    else if (want === "present")
      mismatches.push(`${key}: the audit log says created, but eNom does not have it`);
    else compared += 1;
  }
  return { rows: rows.length, counts, compared, unknowable, unknownRows, mismatches };
}

function memorySummary(samples) {
  const n = samples.length;
  const meanT = samples.reduce((s, x) => s + x.t, 0) / n;
  const meanM = samples.reduce((s, x) => s + x.mb, 0) / n;
  const cov = samples.reduce((s, x) => s + (x.t - meanT) * (x.mb - meanM), 0);
  const varT = samples.reduce((s, x) => s + (x.t - meanT) ** 2, 0);
  const slopePerMin = varT > 0 ? (cov / varT) * 60 : 0;
  // Slope over the second half only: start-up (JIT, caches filling) is not a leak.
  const half = samples.slice(Math.floor(n / 2));
  const h = half.length;
  const hT = half.reduce((s, x) => s + x.t, 0) / h;
  const hM = half.reduce((s, x) => s + x.mb, 0) / h;
  const hCov = half.reduce((s, x) => s + (x.t - hT) * (x.mb - hM), 0);
  const hVar = half.reduce((s, x) => s + (x.t - hT) ** 2, 0);
  return {
    samples: n,
    firstMb: samples[0]?.mb,
    lastMb: samples.at(-1)?.mb,
    maxMb: Math.max(...samples.map((s) => s.mb)),
    slopeMbPerMin: slopePerMin,
    secondHalfSlopeMbPerMin: hVar > 0 ? (hCov / hVar) * 60 : 0,
  };
}

function soakSection({ about, stats, check, memory, lanes }) {
  const kinds = Object.entries(stats.byKind).map(([kind, s]) => [
    kind,
    num(s.n),
    ms(s.totalMs / s.n),
    ms(s.maxMs),
  ]);
  const flat = Math.abs(memory.secondHalfSlopeMbPerMin) <= 2;
  return [
    `## Soak (${database === "embedded" ? "embedded PostgreSQL" : "PostgreSQL"})`,
    "",
    `Written by \`npm run soak -- --minutes ${minutes} --users ${users} --fault-rate ${faultRate} --database ${database}${heapMb ? ` --heap-mb ${heapMb}` : ""}\` (scripts/soak.mjs): the production panel (database: ${database === "pglite" ? "embedded PGlite, the default" : "PostgreSQL"}) and the simulator, ${users} virtual users (admin and staff sessions, signed in once and reused) on ${lanes.length} domains, each with a 90-mailbox pak bought for the run. Each user loops, with 0.1–0.5 s between clicks: the domains page (25 %), a domain's page (15 %), the mailbox grid's read (30 %), create a mailbox (12 %, or delete its oldest when it has ${MAX_LIVE_PER_USER}), reset a password (8 %), delete a mailbox (7 %), turn a pak's auto-renew on or off (3 %). Writes go through the real server actions. Faults: for every call the panel makes to the simulator, ${faultRate * 100} % of a one-shot fault on the next call, its mode at random among ${FAULT_MODES.join(", ")}.`,
    "",
    `Machine: ${about.text}. Date: ${about.date}; ${about.load} (shared machine).`,
    "",
    table(
      ["what", "result", "target", ""],
      [
        [
          "requests to the panel",
          `${num(stats.requests)} (statuses: ${Object.entries(stats.statuses)
            .map(([s, n]) => `${s} × ${num(n)}`)
            .join(", ")})`,
          "",
          "",
        ],
        [
          "faults injected",
          `${num(stats.faultsArmed)} (${Object.entries(stats.faultsByMode)
            .map(([m, n]) => `${m} ${n}`)
            .join(", ")})`,
          `${faultRate * 100} % of upstream calls`,
          "",
        ],
        [
          "panel 5xx other than a read's 502/503 for eNom",
          `${num(stats.serverErrors.length)}${stats.serverErrors.length ? `: ${[...new Set(stats.serverErrors)].slice(0, 5).join("; ")}` : ""}`,
          "0",
          met(stats.serverErrors.length === 0),
        ],
        [
          "reads answered 502/503 (eNom refused or failed; the user is told, JSON `ok: false`)",
          num(stats.gatewayErrors),
          "",
          "",
        ],
        [
          "actions: ok / refused or failed with a message",
          `${num(stats.actionsOk)} / ${num(stats.actionsNotOk)}`,
          "",
          "",
        ],
        [
          "load generator's own errors (timeouts, resets)",
          num(stats.transportErrors),
          "0",
          met(stats.transportErrors === 0),
        ],
        [
          "audit rows checked (create, delete, password, auto-renew)",
          `${num(check.rows)} (ok ${num(check.counts.ok ?? 0)}, failed ${num(check.counts.failed ?? 0)}, unknown ${num(check.counts.unknown ?? 0)})`,
          "",
          "",
        ],
        [
          "audit log vs simulator: subjects compared / mismatches",
          `${num(check.compared)} / ${num(check.mismatches.length)}`,
          "0 mismatches",
          met(check.mismatches.length === 0),
        ],
        ["subjects left unknowable by an `unknown` row", num(check.unknowable), "listed below", ""],
        [
          "audit rows exported while running / in the database after the panel stopped",
          `${num(check.durability.exported)} (last id ${check.durability.exportedLast}) / ${num(check.durability.n)} (last id ${check.durability.last})`,
          "the same",
          met(check.durability.n >= check.durability.exported),
        ],
        [
          "panel RSS every 10 s: first / last / max",
          `${num(memory.firstMb)} / ${num(memory.lastMb)} / ${num(memory.maxMb)} MB (${memory.samples} samples)`,
          "",
          "",
        ],
        [
          "RSS slope: whole run / second half",
          `${num(memory.slopeMbPerMin, 2)} / ${num(memory.secondHalfSlopeMbPerMin, 2)} MB per minute`,
          "flat (second half within ±2 MB/min)",
          met(flat),
        ],
      ],
    ),
    "",
    "Per kind of request (mean and worst time):",
    "",
    table(["request", "count", "mean", "max"], kinds),
    "",
    check.mismatches.length
      ? `Mismatches:\n\n${check.mismatches.map((m) => `- ${m}`).join("\n")}\n`
      : "No mismatch: every `ok` row's change is at the simulator, and nothing of the soak's is at the simulator without an `ok` (or `unknown`) row.",
    "",
    check.unknownRows.length
      ? `Audit rows with outcome \`unknown\` (eNom may have acted; the panel said so):\n\n${check.unknownRows.map((r) => `- ${r}`).join("\n")}`
      : "No audit row has outcome `unknown`.",
  ].join("\n");
}

try {
  const passed = await main();
  process.exit(passed ? 0 : 1);
} catch (error) {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
}
