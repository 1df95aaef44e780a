// The read the mailbox grid makes (GET /api/domains/<domain>/email: guard + one GetPOP3 through the
// eNom client): the panel's own cost with the read cache off, side by side with the simulator at
// 200 ms, and cached reads with the production settings.
import { hammer } from "./load.mjs";
import {
  cpuMs,
  domainWithFreePak,
  median,
  postgresAvailable,
  signIn,
  simCounters,
  sleep,
  startPanel,
  startSimulator,
  stopAll,
  watchMemory,
} from "./lib.mjs";

/** One GetPOP3 straight to the simulator, as the client sends it; ms. */
async function directGetPop3(simUrl, domain) {
  const [sld, ...rest] = domain.split(".");
  const started = performance.now();
  const response = await fetch(simUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
    body: new URLSearchParams({
      command: "GetPOP3",
      uid: "resellid",
      pw: "resellpw",
      SLD: sld,
      TLD: rest.join("."),
      ResponseType: "XML",
    }),
  });
  await response.text();
  if (!response.ok) throw new Error(`the simulator answered ${response.status}`);
  return performance.now() - started;
}

async function panelRead(url, cookie) {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  const body = await response.json();
  if (!response.ok || !body.ok) throw new Error(`the panel answered ${response.status}: ${body.message}`);
  return performance.now() - started;
}

/** One panel: warm-up, then `connections` concurrent reads for `seconds`, with memory and eNom calls. */
async function loadRun({ panelPort, simPort, seconds, log, database, cacheMs, sideBySide = false }) {
  const sim = await startSimulator({ port: simPort, latencyMs: 0 });
  const panel = await startPanel({
    port: panelPort,
    simPort,
    database,
    env: { ENOM_READ_CACHE_MS: String(cacheMs) },
  });
  try {
    const cookie = await signIn(panel.origin, "admin@demo.test");
    const target = await domainWithFreePak(sim.url, 1);
    if (!target) throw new Error("the simulator has no domain with a pak");
    const url = `${panel.origin}/api/domains/${target.domain}/email`;
    await panelRead(url, cookie); // the route's first compile and the session's first read
    await hammer({ url, cookie, connections: 20, seconds: 2 }); // warm-up
    await sleep(200);
    log(
      `Reads: 20 concurrent for ${seconds} s, ${database}, read cache ${cacheMs ? `${cacheMs} ms` : "off"}…`,
    );
    const memory = watchMemory(panel.child.pid);
    const before = await simCounters(sim.origin);
    const cpuBefore = cpuMs(panel.child.pid);
    const load = await hammer({ url, cookie, connections: 20, seconds });
    const cpuPerRequestMs = (cpuMs(panel.child.pid) - cpuBefore) / Math.max(1, load.requests);
    const after = await simCounters(sim.origin);
    const result = {
      ...load,
      database,
      cacheMs,
      peakRssMb: memory.stop(),
      cpuPerRequestMs,
      enomCalls: after.total - before.total,
      domain: target.domain,
    };
    if (!sideBySide) return { result };

    // Side by side at 200 ms: one direct GetPOP3, one panel read, alternately, one at a time.
    await fetch(`${sim.origin}/_sim/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ command: "*", mode: "latency", latencyMs: 200 }),
    });
    log("Reads: side by side with the simulator at 200 ms (40 pairs)…");
    const direct = [];
    const viaPanel = [];
    await directGetPop3(sim.url, target.domain);
    await panelRead(url, cookie);
    for (let i = 0; i < 40; i += 1) {
      direct.push(await directGetPop3(sim.url, target.domain));
      viaPanel.push(await panelRead(url, cookie));
    }
    return {
      result,
      sideBySide: {
        pairs: direct.length,
        directMedian: median(direct),
        panelMedian: median(viaPanel),
        ratio: median(viaPanel) / median(direct),
      },
    };
  } finally {
    await stopAll(sim, panel);
  }
}

/**
 * The panel's overhead (read cache off) and cached reads (production settings), on embedded
 * the embedded PostgreSQL and, when the PostgreSQL server answers, on PostgreSQL; side by side at 200 ms once.
 */
export async function runReads({ panelPort, simPort, seconds, log }) {
  const databases = ["embedded", ...((await postgresAvailable()) ? ["postgres"] : [])];
  const runs = [];
  let sideBySide = null;
  for (const database of databases) {
    for (const cacheMs of [0, 5_000]) {
      log(`Reads: starting the simulator and the panel (${database}, read cache ${cacheMs ? "on" : "off"})…`);
      const run = await loadRun({
        panelPort,
        simPort,
        seconds,
        log,
        database,
        cacheMs,
        sideBySide: database === "embedded" && cacheMs === 0,
      });
      runs.push(run.result);
      sideBySide ??= run.sideBySide ?? null;
    }
  }
  return { runs, sideBySide };
}
