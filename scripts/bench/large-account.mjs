// A 10,000-domain account: the domains page's server time (to the last byte of its HTML) and the
// eNom calls behind it — first load, cached, and after one of the panel's own writes.
import { actionIds, callAction } from "./actions.mjs";
import { pagePath } from "./bulk.mjs";
import { signIn, simCounters, startPanel, startSimulator, stopAll, watchMemory } from "./lib.mjs";

export const DOMAINS = 10_000;

async function loadPage(url, cookie) {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  const html = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return { ms, bytes: Buffer.byteLength(html) };
}

export async function runLargeAccount({ panelPort, simPort, log }) {
  log(`Large account: starting the simulator with ${DOMAINS.toLocaleString("en")} domains and the panel…`);
  const sim = await startSimulator({ port: simPort, latencyMs: 0, domains: DOMAINS });
  const panel = await startPanel({ port: panelPort, simPort });
  const memory = watchMemory(panel.child.pid);
  try {
    const cookie = await signIn(panel.origin, "admin@demo.test");
    const url = `${panel.origin}/domains`;
    const measure = async (what) => {
      const before = await simCounters(sim.origin);
      const page = await loadPage(url, cookie);
      const after = await simCounters(sim.origin);
      const calls = Object.fromEntries(
        Object.entries(after.byCommand)
          .map(([command, n]) => [command, n - (before.byCommand[command] ?? 0)])
          .filter(([, n]) => n > 0),
      );
      log(`Large account: ${what} ${Math.round(page.ms)} ms, ${after.total - before.total} eNom calls`);
      return { ...page, enomCalls: after.total - before.total, calls };
    };
    const first = await measure("first load");
    const cached = await measure("cached");

    // One write through the panel drops the snapshot: the next load reads eNom again, warm.
    const toggle = actionIds().setPakAutoRenewAction;
    const xml = await (
      await fetch(`${sim.url}?command=GetPOPExpirations&uid=resellid&pw=resellpw&responsetype=xml`)
    ).text();
    const pak =
      /<Pak>\s*<DomainName>([^<]+)<\/DomainName>\s*<BundleId>(\d+)<\/BundleId>[\s\S]*?<AutoRenew>(\d)<\/AutoRenew>/i.exec(
        xml,
      );
    let afterWrite = null;
    if (toggle && pak) {
      const [, domain, bundleId, autoRenew] = pak;
      const page = pagePath(
        toggle.pages.find((p) => !p.includes("portal")) ?? toggle.pages[0],
        domain.toLowerCase(),
      );
      const write = await callAction({
        origin: panel.origin,
        cookie,
        page,
        id: toggle.id,
        input: { domain: domain.toLowerCase(), bundleId: Number(bundleId), autoRenew: autoRenew !== "1" },
      });
      if (write.result?.ok) afterWrite = await measure("after a write");
      else
        log(`Large account: the auto-renew toggle did not succeed (${JSON.stringify(write).slice(0, 200)})`);
    }
    return { domains: DOMAINS, first, cached, afterWrite, peakRssMb: memory.stop() };
  } finally {
    memory.stop();
    await stopAll(sim, panel);
  }
}
