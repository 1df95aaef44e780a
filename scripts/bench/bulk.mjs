// Creating 50 mailboxes with eNom's write latency (SetUpPOP3User takes 5 s, as eNom's documents
// show): through the real panel's createMailboxesAction, against one call per mailbox.
import { randomBytes } from "node:crypto";
import { actionIds, callAction } from "./actions.mjs";
import { domainWithFreePak, signIn, simCounters, startPanel, startSimulator, stopAll } from "./lib.mjs";

export const WRITE_LATENCY_MS = 5_000;
const MAILBOXES = 50;

const password = () => `Mp8${randomBytes(5).toString("hex")}`;

/** `app/(staff)/domains/[domain]/page` → `/domains/example.com`. */
export function pagePath(worker, domain) {
  return (
    worker
      .replace(/^app/, "")
      .replace(/\/\([^)]+\)/g, "")
      .replace(/\/page$/, "")
      .replace("[domain]", domain) || "/"
  );
}

async function simCall(simUrl, params) {
  const query = new URLSearchParams({ uid: "resellid", pw: "resellpw", responsetype: "text", ...params });
  const text = await (await fetch(`${simUrl}?${query}`)).text();
  if (!/ErrCount=0/.test(text))
    throw new Error(`the simulator refused ${params.command}: ${text.slice(0, 300)}`);
  return text;
}

export async function runBulk({ panelPort, simPort, log }) {
  log("Bulk create: starting the simulator and the panel…");
  const sim = await startSimulator({ port: simPort, latencyMs: 0 });
  const panel = await startPanel({ port: panelPort, simPort });
  try {
    // A pak with room for 50 more (bought straight from the simulator: set-up, not measured).
    const host = await domainWithFreePak(sim.url, 1);
    const [sld, ...tld] = host.domain.split(".");
    await simCall(sim.url, {
      command: "PurchaseServices",
      service: "pop3",
      SLD: sld,
      TLD: tld.join("."),
      Quantity: String(MAILBOXES + 10),
      QuantityUnit: "boxes",
      Capacity: "1",
      BillingPeriod: "year",
    });
    const pak = await domainWithFreePak(sim.url, MAILBOXES + 1);
    if (!pak) throw new Error("no pak with room for the bulk create");

    const cookie = await signIn(panel.origin, "admin@demo.test");
    const create = actionIds().createMailboxesAction;
    if (!create) throw new Error("createMailboxesAction is not in the build's server reference manifest");
    const page = pagePath(create.pages.find((p) => !p.includes("portal")) ?? create.pages[0], pak.domain);
    const send = (names) =>
      callAction({
        origin: panel.origin,
        cookie,
        page,
        id: create.id,
        input: {
          domain: pak.domain,
          bundleId: pak.bundleId,
          mailboxes: names.map((userName) => ({ userName, password: password(), isAdmin: false })),
        },
      });
    // Warm the page's action path once with a 0 ms write.
    await send(["warmup"]);

    await fetch(`${sim.origin}/_sim/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ command: "SetUpPOP3User", mode: "latency", latencyMs: WRITE_LATENCY_MS }),
    });

    log(`Bulk create: one mailbox (SetUpPOP3User at ${WRITE_LATENCY_MS / 1000} s)…`);
    let before = await simCounters(sim.origin);
    let started = performance.now();
    const one = await send(["single1"]);
    const singleMs = performance.now() - started;
    let after = await simCounters(sim.origin);
    const singleCalls = (after.byCommand.SETUPPOP3USER ?? 0) - (before.byCommand.SETUPPOP3USER ?? 0);
    if (!one.result?.ok) throw new Error(`the single create failed: ${JSON.stringify(one)}`);

    log(`Bulk create: ${MAILBOXES} mailboxes in one action…`);
    const names = Array.from({ length: MAILBOXES }, (_, i) => `bulk${String(i + 1).padStart(2, "0")}`);
    before = await simCounters(sim.origin);
    started = performance.now();
    const bulk = await send(names);
    const bulkMs = performance.now() - started;
    after = await simCounters(sim.origin);
    if (!bulk.result?.ok) throw new Error(`the bulk create failed: ${JSON.stringify(bulk).slice(0, 500)}`);
    const bulkCalls = (after.byCommand.SETUPPOP3USER ?? 0) - (before.byCommand.SETUPPOP3USER ?? 0);
    const otherCalls = after.total - before.total - bulkCalls;

    // Confirm at the simulator that all 50 exist.
    const truth = await (await fetch(`${sim.origin}/_sim/state/domain/${pak.domain}`)).json();
    const created = (truth.mailboxes ?? []).filter((m) => /^bulk\d\d$/.test(m.userName)).length;
    return {
      mailboxes: MAILBOXES,
      writeLatencyMs: WRITE_LATENCY_MS,
      bulkMs,
      bulkCalls,
      otherCalls,
      created,
      singleMs,
      singleCalls,
      perMailboxMs: singleMs * MAILBOXES,
      perMailboxCalls: MAILBOXES,
    };
  } finally {
    await stopAll(sim, panel);
  }
}
