import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { isoDateOf } from "./dates";
import { faultRequestSchema } from "./faults";
import { readBody, sendJson } from "./http-io";
import { balanceAmount } from "./prices";
import { MAX_DOMAIN_COUNT, RESELLER } from "./seed";
import type { Simulator } from "./simulator";
import { quotaUsedMb } from "./mailbox-facts";
import {
  domainNameOf,
  findForward,
  freeMailboxes,
  isExpired,
  nameServersOf,
  pakOf,
  quotaMb,
  type Domain,
} from "./world";

/**
 * The control API under /_sim/ (JSON, loopback clients only): the call log, counters, faults,
 * reset, the balance and the simulator's truth about a domain. Tests and demos use it; it is
 * never part of interface.asp's answers.
 */
const resetSchema = z.object({ domainCount: z.number().int().min(0).max(MAX_DOMAIN_COUNT).optional() });
const balanceSchema = z.object({
  balance: z
    .union([
      z.number(),
      z
        .string()
        .regex(/^\d+(\.\d{1,2})?$/)
        .transform(Number),
    ])
    .pipe(z.number().min(0).max(1e9)),
  uid: z.string().optional(),
});
const allowedIpsSchema = z.object({ ips: z.array(z.string().min(1).max(64)).max(100).nullable() });

export async function serveControl(
  simulator: Simulator,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<void> {
  const method = request.method ?? "GET";
  const path = url.pathname.replace(/\/+$/, "");
  const calls = simulator.calls;

  if (path === "/_sim/health" && method === "GET")
    return sendJson(response, 200, {
      ok: true,
      domains: simulator.world.domains.size,
      generatedDomains: simulator.world.seed.domainCount,
      anchor: simulator.world.seed.anchor,
      startupMs: Math.round(simulator.startupMs),
    });

  if (path === "/_sim/calls" && method === "GET") {
    const since = Number(url.searchParams.get("since") ?? "0");
    const command = url.searchParams.get("command") ?? undefined;
    return sendJson(response, 200, {
      calls: calls.list({ since: Number.isFinite(since) ? since : 0, ...(command ? { command } : {}) }),
    });
  }
  if (path === "/_sim/calls" && method === "DELETE") {
    calls.clearLog();
    return sendJson(response, 200, { cleared: true });
  }
  if (path === "/_sim/counters" && method === "GET") return sendJson(response, 200, calls.counters());
  if (path === "/_sim/counters" && method === "DELETE") {
    calls.clearCounters();
    return sendJson(response, 200, { cleared: true });
  }

  if (path === "/_sim/reset" && method === "POST") {
    const body = await jsonBody(request, resetSchema, response);
    if (!body) return;
    simulator.reset(body.domainCount);
    return sendJson(response, 200, {
      ok: true,
      domains: simulator.world.domains.size,
      anchor: simulator.world.seed.anchor,
    });
  }

  if (path === "/_sim/faults" && method === "POST") {
    const body = await jsonBody(request, faultRequestSchema, response, true);
    if (!body) return;
    return sendJson(response, 200, { id: simulator.faults.add(body).id });
  }
  if (path === "/_sim/faults" && method === "GET")
    return sendJson(response, 200, { faults: simulator.faults.list() });
  if (path === "/_sim/faults" && method === "DELETE") {
    simulator.faults.clear();
    return sendJson(response, 200, { cleared: true });
  }
  const faultId = /^\/_sim\/faults\/([^/]+)$/.exec(path)?.[1];
  if (faultId !== undefined && method === "DELETE") {
    const removed = simulator.faults.remove(decodeURIComponent(faultId));
    return sendJson(
      response,
      removed ? 200 : 404,
      removed ? { removed: faultId } : { error: `no fault ${faultId}` },
    );
  }

  if (path === "/_sim/balance" && (method === "GET" || method === "POST")) {
    const body =
      method === "POST"
        ? await jsonBody(request, balanceSchema, response, true)
        : { uid: url.searchParams.get("uid") ?? undefined };
    if (!body) return;
    const uid = body.uid ?? RESELLER.uid;
    const account = simulator.world.accounts.get(uid.toLowerCase());
    if (!account) return sendJson(response, 404, { error: `no account ${uid}` });
    if ("balance" in body && typeof body.balance === "number") {
      account.balanceCents = Math.round(body.balance * 100);
      simulator.save();
    }
    return sendJson(response, 200, { uid: account.uid, balance: balanceAmount(account.balanceCents) });
  }

  if (path === "/_sim/allowed-ips" && method === "GET")
    return sendJson(response, 200, { ips: simulator.allowedIps });
  if (path === "/_sim/allowed-ips" && method === "POST") {
    const body = await jsonBody(request, allowedIpsSchema, response, true);
    if (!body) return;
    simulator.allowedIps = body.ips;
    return sendJson(response, 200, { ips: simulator.allowedIps });
  }

  const domainName = /^\/_sim\/state\/domain\/([^/]+)$/.exec(path)?.[1];
  if (domainName !== undefined && method === "GET") {
    const domain = simulator.world.domains.get(decodeURIComponent(domainName).toLowerCase());
    if (!domain) return sendJson(response, 404, { error: `no domain ${decodeURIComponent(domainName)}` });
    return sendJson(response, 200, domainTruth(domain, isoDateOf(simulator.now())));
  }

  return sendJson(response, 404, { error: `no control endpoint ${method} ${url.pathname}` });
}

/**
 * Everything about a domain except mailbox passwords: the simulator keeps them (GetPOP3 returns
 * them, as eNom's does) but the control API never shows them. `forwardTo` per mailbox is its
 * forwarding record's address, for tests written before forwarding had records of its own.
 */
function domainTruth(domain: Domain, today: string) {
  return {
    domain: domainNameOf(domain),
    domainNameId: domain.domainNameId,
    account: domain.account,
    status: domain.status,
    expDate: domain.expDate,
    autoRenew: domain.autoRenew,
    nsStatus: domain.nsStatus,
    catchAll: domain.catchAll,
    paks: domain.paks.map((pak) => ({
      ...pak,
      qtyAvailable: freeMailboxes(domain, pak),
      quotaMb: quotaMb(pak),
      expired: isExpired(pak, today),
    })),
    mailboxes: domain.mailboxes.map((mailbox) => {
      const pak = pakOf(domain, mailbox);
      return {
        userName: mailbox.userName,
        displayName: mailbox.displayName,
        bundleId: mailbox.bundleId,
        isAdmin: mailbox.isAdmin,
        forwardTo: findForward(domain, mailbox.userName)?.forwardTo ?? "",
        passwordSetAt: mailbox.passwordSetAt,
        createdOn: mailbox.createdOn,
        quotaUsedMb: pak ? quotaUsedMb(domainNameOf(domain), mailbox, quotaMb(pak), today) : 0,
      };
    }),
    forwards: domain.forwards.map((forward) => ({ ...forward })),
    /** Host records (GetHosts / SetHosts), served over DNS while nsStatus is YES; and GetDNS' name servers. */
    hosts: domain.hosts.map((record) => ({ ...record })),
    nameServers: nameServersOf(domain),
  };
}

async function jsonBody<T>(
  request: IncomingMessage,
  schema: z.ZodType<T>,
  response: ServerResponse,
  required = false,
): Promise<T | null> {
  const text = await readBody(request);
  let json: unknown = {};
  if (text.trim() !== "") {
    try {
      json = JSON.parse(text);
    } catch {
      sendJson(response, 400, { error: "the body is not valid JSON" });
      return null;
    }
  } else if (required) {
    sendJson(response, 400, { error: "a JSON body is required" });
    return null;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    sendJson(response, 400, {
      error: parsed.error.issues
        .map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`)
        .join("; "),
    });
    return null;
  }
  return parsed.data;
}
