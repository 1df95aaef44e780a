// An account of any size (issue 15): 50,000 mailboxes behind eNom-like
// latencies (GetDomains 1.8 s a page as in eNom's sample, GetPOP3 and the other reads 0.08 s,
// writes 5 s as the seeds' ExecTime shows). Measures the full sync into the PostgreSQL mirror,
// pages and search served from the mirror at 20 concurrent, a 300-mailbox import as a job, and
// the memory of the panel and of its embedded PostgreSQL over a soak.
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { actionIds, callAction } from "./actions.mjs";
import { pagePath } from "./bulk.mjs";
import {
  processTree,
  root,
  rssMb,
  signIn,
  simCounters,
  sleep,
  startPanel,
  startSimulator,
  stopAll,
} from "./lib.mjs";
import { hammer } from "./load.mjs";
import { ms, num, table } from "./report.mjs";

// The simulator's generated account holds about 4 mailboxes a domain: 12,400 domains make the
// 50,000 mailboxes of the target (and more domains than its 10,000).
export const DOMAINS = 12_400;
const LATENCY = { GetDomains: 1_800, read: 80, write: 5_000 };
const READS = ["GetPOP3", "GetPOPForwarding", "GetCatchAll", "GetPOPExpirations", "GetBalance"];
const WRITES = ["SetUpPOP3User", "ModifyPOP3", "DeletePOP3", "RenewPOPBundle", "PurchaseServices"];
const IMPORT_SIZE = 300;
const RENEWAL_SIZE = 100;

async function simCall(simUrl, params) {
  const body = new URLSearchParams({ uid: "resellid", pw: "resellpw", responsetype: "text", ...params });
  const text = await (await fetch(simUrl, { method: "POST", body })).text();
  if (!/ErrCount=0/.test(text))
    throw new Error(`the simulator refused ${params.command}: ${text.slice(0, 200)}`);
  return text;
}

async function addFault(simOrigin, command, latencyMs) {
  const response = await fetch(`${simOrigin}/_sim/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ command, mode: "latency", latencyMs }),
  });
  if (!response.ok) throw new Error(`could not slow ${command}: ${await response.text()}`);
}

const strongPassword = () => `Mp-${randomBytes(6).toString("hex")}Q7`;

/** The panel's own database (the embedded server in its data folder). */
function panelDatabaseUrl(panelPort) {
  const dataDir = path.join(root, `data/bench-${panelPort}/postgres`);
  const lines = readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n");
  const password = readFileSync(`${dataDir}.password`, "utf8").trim();
  return {
    url: `postgres://mailpak:${encodeURIComponent(password)}@127.0.0.1:${Number(lines[3])}/mailpak`,
    pid: Number(lines[0]),
  };
}

async function query(url, sql, params = []) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Proportional memory (PSS, MB) of a process tree: each shared page counted once across the
 * processes that share it. PostgreSQL's backends all map its shared buffers, so summing their
 * RSS would count those buffers once per backend.
 */
function pssMb(pid) {
  let kb = 0;
  for (const p of processTree(pid)) {
    try {
      const match = /^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${p}/smaps_rollup`, "utf8"));
      if (match) kb += Number(match[1]);
    } catch {
      // gone
    }
  }
  return kb / 1024;
}

/** Memory of the panel's process tree split in two: PostgreSQL's processes and the rest (the panel). */
function splitRss(panelPid, postgresPid) {
  const postgres = pssMb(postgresPid);
  return { panel: pssMb(panelPid) - postgres, postgres, panelRss: rssMb(panelPid) - rssMb(postgresPid) };
}

/**
 * `syncLatency: false` (a rerun for the pages only) lets the first sync run without eNom's
 * latencies and slows eNom down only afterwards; `soakMinutes: 0` skips the soak; `jobs: false`
 * skips the import and the renewal.
 */
export async function runAnySize({
  panelPort,
  simPort,
  log,
  soakMinutes = 10,
  seconds = 10,
  syncLatency = true,
  jobs = true,
}) {
  log(`Any size: a simulator with ${DOMAINS.toLocaleString("en")} domains…`);
  const sim = await startSimulator({ port: simPort, latencyMs: 0, domains: DOMAINS });
  let panel;
  try {
    const slowDown = async () => {
      await addFault(sim.origin, "GetDomains", LATENCY.GetDomains);
      for (const command of READS) await addFault(sim.origin, command, LATENCY.read);
      for (const command of WRITES) await addFault(sim.origin, command, LATENCY.write);
    };
    if (syncLatency) await slowDown();

    const before = await simCounters(sim.origin);
    const started = Date.now();
    panel = await startPanel({ port: panelPort, simPort });
    const db = panelDatabaseUrl(panelPort);
    log("Any size: waiting for the first full sync…");
    let sync;
    for (;;) {
      [sync] = await query(
        db.url,
        "select generation, started_at, finished_at, domains_listed, domains_read, enom_calls, error from mirror_syncs where finished_at is not null order by generation desc limit 1",
      ).catch(() => []);
      if (sync) break;
      if (Date.now() - started > 60 * 60_000) throw new Error("the full sync did not finish within an hour");
      await sleep(2_000);
    }
    const after = await simCounters(sim.origin);
    const [mirror] = await query(
      db.url,
      "select (select count(*)::int from mirror_domains) as domains, (select count(*)::int from mirror_mailboxes) as mailboxes, (select count(*)::int from mirror_paks) as paks",
    );
    const fullSync = {
      wallMs: new Date(sync.finished_at).getTime() - new Date(sync.started_at).getTime(),
      sincePanelStartMs: Date.now() - started,
      enomCalls: after.total - before.total,
      byCommand: Object.fromEntries(
        Object.entries(after.byCommand)
          .map(([c, n]) => [c, n - (before.byCommand[c] ?? 0)])
          .filter(([, n]) => n > 0),
      ),
      mirror,
    };
    log(
      `Any size: full sync ${Math.round(fullSync.wallMs / 1000)} s, ${fullSync.enomCalls} eNom calls, ${JSON.stringify(mirror)}`,
    );

    if (!syncLatency) await slowDown();
    const cookie = await signIn(panel.origin, "admin@demo.test");
    // A typical domain: the median number of mailboxes (the largest has hundreds).
    const counts = await query(
      db.url,
      "select domain, count(*)::int as n from mirror_mailboxes group by domain order by n, domain",
    );
    const busiest = counts[Math.floor(counts.length / 2)];
    const pages = {};
    for (const [name, url] of [
      ["domains page", `${panel.origin}/domains`],
      ["domain page", `${panel.origin}/domains/${busiest.domain}`],
      ["domain email (GET route)", `${panel.origin}/api/domains/${busiest.domain}/email`],
      ["search", `${panel.origin}/api/search?q=${encodeURIComponent("info")}`],
    ]) {
      // Warm up first (the route's code compiled by V8, the mirror's reads kept): then measure.
      await hammer({ url, cookie, connections: 20, seconds: 3 });
      const callsBefore = await simCounters(sim.origin);
      const load = await hammer({ url, cookie, connections: 20, seconds });
      const callsAfter = await simCounters(sim.origin);
      // One view at a time: the server's own time for a view, without waiting behind 19 others.
      const single = [];
      for (let i = 0; i < 21; i += 1) {
        const t = performance.now();
        await (await fetch(url, { headers: { cookie } })).text();
        single.push(performance.now() - t);
      }
      single.sort((a, b) => a - b);
      pages[name] = {
        ...load,
        singleP50: single[10],
        enomCallsPerView: (callsAfter.total - callsBefore.total) / Math.max(1, load.requests),
      };
      log(`Any size: ${name} p50 ${load.p50} ms, p99 ${load.p99} ms, ${load.errors} errors`);
    }
    const searchOne = [];
    for (const q of ["info", "sales", "a", "zz-nothing", busiest.domain.slice(0, 5)]) {
      const t = performance.now();
      const response = await fetch(`${panel.origin}/api/search?q=${encodeURIComponent(q)}`, {
        headers: { cookie },
      });
      await response.text();
      searchOne.push({ q, ms: performance.now() - t, status: response.status });
    }

    // A 300-mailbox import as a job, on a pak with room (bought at the simulator: set-up).
    const importDomain = counts[Math.floor(counts.length / 3)].domain;
    let importJob = null;
    const startJob = jobs ? actionIds().startCreateMailboxesJobAction : undefined;
    if (startJob) {
      await simCall(sim.url, {
        command: "PurchaseServices",
        service: "pop3",
        SLD: importDomain.split(".")[0],
        TLD: importDomain.split(".").slice(1).join("."),
        Quantity: String(IMPORT_SIZE + 10),
        QuantityUnit: "boxes",
        Capacity: "1",
        BillingPeriod: "year",
      }).catch((error) => log(`Any size: could not set up the import pak (${error.message})`));
      // The new pak reaches the mirror with the domain's next read; ask for it, as the page would.
      await fetch(`${panel.origin}/api/domains/${importDomain}/refresh`, {
        method: "POST",
        headers: { cookie, origin: panel.origin },
      });
      const [pak] = await query(
        db.url,
        "select bundle_id from mirror_paks where domain = $1 and available >= $2 order by bundle_id desc limit 1",
        [importDomain, IMPORT_SIZE],
      ).catch(() => []);
      if (pak) {
        const jobCallsBefore = await simCounters(sim.origin);
        const t = Date.now();
        const page = pagePath(
          startJob.pages.find((p) => !p.includes("portal")) ?? startJob.pages[0],
          importDomain,
        );
        const answer = await callAction({
          origin: panel.origin,
          cookie,
          page,
          id: startJob.id,
          input: {
            domain: importDomain,
            bundleId: pak.bundle_id,
            mailboxes: Array.from({ length: IMPORT_SIZE }, (_, i) => ({
              userName: `staff${i}`,
              password: strongPassword(),
              displayName: `Staff ${i}`,
              isAdmin: false,
            })),
          },
        });
        const jobId = answer.result?.data?.runId;
        const progress = [];
        for (; jobId;) {
          const run = await (
            await fetch(`${panel.origin}/api/jobs/${jobId}`, { headers: { cookie } })
          ).json();
          const data = run.data ?? run;
          progress.push({
            at: Date.now() - t,
            succeeded: data.succeeded,
            failed: data.failed,
            total: data.total,
          });
          if (["done", "failed", "cancelled"].includes(data.status)) break;
          if (Date.now() - t > 20 * 60_000) break;
          await sleep(1_000);
        }
        const jobCallsAfter = await simCounters(sim.origin);
        importJob = {
          wallMs: Date.now() - t,
          enomCalls: jobCallsAfter.total - jobCallsBefore.total,
          progressSamples: progress.length,
          last: progress.at(-1) ?? null,
          answer: jobId ? undefined : JSON.stringify(answer).slice(0, 300),
        };
        log(
          `Any size: 300-mailbox import ${Math.round(importJob.wallMs / 1000)} s, ${importJob.enomCalls} eNom calls`,
        );
      }
    }

    // A 100-pak renewal as a job: one selection of paks of different domains, one year each.
    let renewalJob = null;
    const renew = jobs ? actionIds().renewAction : undefined;
    if (renew) {
      const paks = await query(
        db.url,
        `select distinct on (domain) domain, bundle_id from mirror_paks
         where domain <> $1 order by domain, bundle_id limit $2`,
        [importDomain, RENEWAL_SIZE],
      );
      const jobCallsBefore = await simCounters(sim.origin);
      const t = Date.now();
      const page = pagePath(renew.pages.find((p) => !p.includes("portal")) ?? renew.pages[0], "");
      const answer = await callAction({
        origin: panel.origin,
        cookie,
        page,
        id: renew.id,
        input: {
          idempotencyKey: randomUUID(),
          request: { items: paks.map((p) => ({ domain: p.domain, bundleId: p.bundle_id })), years: 1 },
        },
      });
      const submittedMs = Date.now() - t;
      const runId = answer.result?.data?.runId ?? null;
      const progress = [];
      for (; runId;) {
        const run = await (await fetch(`${panel.origin}/api/jobs/${runId}`, { headers: { cookie } })).json();
        const data = run.data ?? run;
        progress.push({
          at: Date.now() - t,
          succeeded: data.succeeded,
          failed: data.failed,
          total: data.total,
        });
        if (["done", "failed", "cancelled"].includes(data.status)) break;
        if (Date.now() - t > 30 * 60_000) break;
        await sleep(2_000);
      }
      const jobCallsAfter = await simCounters(sim.origin);
      renewalJob = {
        paks: paks.length,
        submittedMs,
        wallMs: Date.now() - t,
        enomCalls: jobCallsAfter.total - jobCallsBefore.total,
        byCommand: Object.fromEntries(
          Object.entries(jobCallsAfter.byCommand)
            .map(([c, n]) => [c, n - (jobCallsBefore.byCommand[c] ?? 0)])
            .filter(([, n]) => n > 0),
        ),
        progressSamples: progress.length,
        last: progress.at(-1) ?? null,
        answer: runId ? undefined : JSON.stringify(answer).slice(0, 300),
      };
      log(
        `Any size: ${paks.length}-pak renewal ${Math.round(renewalJob.wallMs / 1000)} s, ${renewalJob.enomCalls} eNom calls`,
      );
    }

    // The soak: the domains page and a domain's GET route at a steady pace, memory every 5 s.
    if (soakMinutes > 0) log(`Any size: ${soakMinutes}-minute soak…`);
    const samples = [];
    const soakEnd = Date.now() + soakMinutes * 60_000;
    const sampler = setInterval(
      () => samples.push({ at: Date.now(), ...splitRss(panel.child.pid, db.pid) }),
      5_000,
    );
    while (Date.now() < soakEnd) {
      await hammer({ url: `${panel.origin}/domains`, cookie, connections: 4, seconds: 10 });
      await hammer({
        url: `${panel.origin}/api/domains/${busiest.domain}/email`,
        cookie,
        connections: 4,
        seconds: 10,
      });
    }
    clearInterval(sampler);
    const result = {
      domains: DOMAINS,
      latency: LATENCY,
      fullSync,
      pages,
      searchOne,
      importJob,
      renewalJob,
      soakMinutes,
      syncLatency,
      typicalDomain: busiest,
    };
    if (samples.length === 0) return { ...result, memory: null };
    const firstMinute = samples.filter((s) => s.at - samples[0].at < 60_000);
    const lastMinute = samples.filter((s) => samples.at(-1).at - s.at < 60_000);
    const avg = (rows, key) => rows.reduce((sum, row) => sum + row[key], 0) / Math.max(1, rows.length);
    const memory = {
      panelPeakMb: Math.max(...samples.map((s) => s.panel)),
      panelFirstMinuteMb: avg(firstMinute, "panel"),
      panelLastMinuteMb: avg(lastMinute, "panel"),
      postgresPeakMb: Math.max(...samples.map((s) => s.postgres)),
      postgresLastMinuteMb: avg(lastMinute, "postgres"),
      panelRssLastMinuteMb: avg(lastMinute, "panelRss"),
      samples: samples.length,
    };
    log(
      `Any size: panel ${Math.round(memory.panelLastMinuteMb)} MB (peak ${Math.round(memory.panelPeakMb)}), PostgreSQL ${Math.round(memory.postgresLastMinuteMb)} MB`,
    );
    return { ...result, memory };
  } finally {
    await stopAll(sim, ...(panel ? [panel] : []));
  }
}

/** The report's section for this scenario (docs/benchmarks.md, `bench:any-size`). */
export function anySizeSection({ machine, result, pagesRun, previous }) {
  // The pages of a later pages-only rerun (newer code, same account) win over the full run's.
  const r = pagesRun
    ? {
        ...result,
        pages: pagesRun.pages,
        searchOne: pagesRun.searchOne,
        importJob: pagesRun.importJob ?? result.importJob,
        renewalJob: pagesRun.renewalJob ?? result.renewalJob,
      }
    : result;
  const rows = Object.entries(r.pages).map(([name, p]) => [
    name,
    p.singleP50 === undefined ? "–" : ms(p.singleP50),
    ms(p.p50),
    ms(p.p95),
    ms(p.p99),
    num(p.rps),
    num(p.errors),
    num(p.enomCallsPerView, 3),
  ]);
  const searchRows = r.searchOne.map((s) => [`\`${s.q}\``, ms(s.ms), String(s.status)]);
  const m = pagesRun?.memory ?? result.memory ?? {};
  const before = previous
    ? `Before the mirror (same machine, \`large\` scenario, 10,000 domains at 0 ms): the domains page took ${ms(previous.first?.ms)} on first load with ${num(previous.first?.enomCalls)} eNom calls, ${ms(previous.cached?.ms)} cached, ${ms(previous.afterWrite?.ms)} after a write.`
    : "";
  return [
    "## An account of any size (the PostgreSQL mirror and jobs)",
    "",
    `Written by \`npm run bench -- --only size\` (scripts/bench/any-size.mjs). Machine: ${machine.text}. Date: ${machine.date}; ${machine.load}. The simulator holds ${num(r.domains)} generated domains (about 4 mailboxes each, so the mirror holds ${num(r.fullSync.mirror.mailboxes)} mailboxes and ${num(r.fullSync.mirror.paks)} paks) and answers at eNom-like latencies: GetDomains ${ms(r.latency.GetDomains)} a page (eNom's sample), the other reads ${ms(r.latency.read)}, writes ${ms(r.latency.write)} (the seeds' ExecTime). The panel runs on its embedded PostgreSQL.`,
    "",
    "| what | target | this run |",
    "| --- | --- | --- |",
    `| full sync (first start) | – | ${num(r.fullSync.wallMs / 1000, 1)} s, ${num(r.fullSync.enomCalls)} eNom calls (${Object.entries(
      r.fullSync.byCommand,
    )
      .map(([c, n]) => `${c} ${num(n)}`)
      .join(", ")}) |`,
    `| domains page, 20 concurrent | p50 ≤ 50 ms, 0 eNom calls per view | p50 ${ms(r.pages["domains page"]?.p50)} (one at a time ${ms(r.pages["domains page"]?.singleP50)}), ${num(r.pages["domains page"]?.enomCallsPerView, 3)} calls per view |`,
    `| domain page, 20 concurrent | p50 ≤ 50 ms, 0 synchronous eNom calls | p50 ${ms(r.pages["domain page"]?.p50)} (one at a time ${ms(r.pages["domain page"]?.singleP50)}), ${num(r.pages["domain page"]?.enomCallsPerView, 3)} calls per view (reads behind the page after ${"`MIRROR_FRESH_MS`"}) |`,
    `| account-wide search | ≤ 50 ms | one at a time: ${r.searchOne.map((s) => ms(s.ms)).join(", ")}; 20 concurrent p50 ${ms(r.pages.search?.p50)} |`,
    `| 300-mailbox import as a job | wall time, eNom calls, progress | ${r.importJob ? `${num(r.importJob.wallMs / 1000, 1)} s, ${num(r.importJob.enomCalls)} eNom calls, ${num(r.importJob.progressSamples)} progress readings, last ${JSON.stringify(r.importJob.last)}` : "not measured"} |`,
    `| ${num(r.renewalJob?.paks ?? 100)}-pak renewal as a job | wall time, eNom calls, progress | ${
      r.renewalJob
        ? `submitted in ${num(r.renewalJob.submittedMs / 1000, 1)} s; done in ${num(r.renewalJob.wallMs / 1000, 1)} s, ${num(r.renewalJob.enomCalls)} eNom calls (${Object.entries(
            r.renewalJob.byCommand ?? {},
          )
            .map(([c, n]) => `${c} ${num(n)}`)
            .join(
              ", ",
            )}), ${num(r.renewalJob.progressSamples)} progress readings, last ${JSON.stringify(r.renewalJob.last)}${r.renewalJob.answer ? `; answer ${r.renewalJob.answer}` : ""}`
        : "not measured"
    } |`,
    `| panel memory over a ${r.soakMinutes}-minute soak (PSS) | ≤ 250 MB, flat | first minute ${num(m.panelFirstMinuteMb)} MB, last minute ${num(m.panelLastMinuteMb)} MB, peak ${num(m.panelPeakMb)} MB${m.panelRssLastMinuteMb ? ` (RSS last minute ${num(m.panelRssLastMinuteMb)} MB)` : ""} |`,
    `| embedded PostgreSQL memory (PSS, all its processes) | – | last minute ${num(m.postgresLastMinuteMb)} MB, peak ${num(m.postgresPeakMb)} MB |`,
    "",
    pagesRun
      ? `Pages, search, the import${pagesRun.memory ? " and the memory soak" : ""} were measured again by a rerun with newer code (\`--sync-latency off\`: its first sync without eNom's latencies, then the same latencies), on ${pagesRun.typicalDomain?.domain ?? "a typical domain"} (${pagesRun.typicalDomain?.n ?? "?"} mailboxes, the median); the full sync is the full run's.`
      : "",
    "",
    before,
    "",
    "Pages and routes at 20 concurrent connections (autocannon):",
    "",
    table(
      [
        "what",
        "one at a time, p50",
        "20 concurrent: p50",
        "p95",
        "p99",
        "req/s",
        "errors",
        "eNom calls per view",
      ],
      rows,
    ),
    "",
    "Search, one request at a time:",
    "",
    table(["query", "time", "status"], searchRows),
  ].join("\n");
}
