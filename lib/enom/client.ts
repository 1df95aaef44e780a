import "server-only";
import { z } from "zod";
import { GET_DOMAINS_START_MAX, getBalance, getDomainsPage } from "./commands/account";
import type { CommandSpec } from "./commands/command";
import { getDomainForwarding, setDomainForwarding } from "./commands/domain-forwarding";
import { getCatchAll, getPopForwarding, setCatchAll, setPopForwarding } from "./commands/forwarding";
import { getDns, getHosts, getMailHosts, setHosts } from "./commands/hosts";
import { deletePop3Users, modifyPop3Users, setUpPop3Users } from "./commands/mailboxes";
import {
  deleteAllPopPaks,
  deletePopPak,
  getPop3,
  getPopExpirations,
  renewPopBundle,
  setPakRenew,
} from "./commands/paks";
import { purchasePopBundle, purchaseServices } from "./commands/purchase";
import { EnomUnavailable, EnomValidationError, type ValidationIssue } from "./errors";
import { readCache } from "./read-cache";
import { getDomainsInputSchema, type DOMAIN_TABS } from "./schemas";
import { createTransport, type TransportConfig } from "./transport";
import type {
  AccountDomain,
  AccountDomains,
  AllPaksDeletion,
  Balance,
  CallOptions,
  CatchAll,
  DeletePop3UsersInput,
  DomainEmail,
  DomainForwarding,
  DomainForwardingWrite,
  DomainOnlyInput,
  GetDomainsInput,
  HostRecords,
  HostRecordsWrite,
  MailboxBatch,
  MailService,
  ModifyPop3UsersInput,
  NameServers,
  PakDeletion,
  PakInput,
  PakRenewal,
  PakRenewSetting,
  PopBundlePurchase,
  PopExpirations,
  PopForwarding,
  PopForwardingInput,
  PopForwardingWrite,
  Purchase,
  PurchasePopBundleInput,
  PurchaseServicesInput,
  RenewPopBundleInput,
  SetCatchAllInput,
  SetDomainForwardingInput,
  SetHostsInput,
  SetPakRenewInput,
  SetPopForwardingInput,
  SetUpPop3UsersInput,
} from "./types";

type DomainTab = (typeof DOMAIN_TABS)[number];

/**
 * Everything the transport takes (transport.ts), among them `onRawReply(command, body)`: each raw
 * reply, passwords and credentials removed, for `npm run enom:check`.
 */
export type EnomClientConfig = Omit<TransportConfig, "timeoutMs" | "maxConcurrency"> & {
  /** Per request, default 30 s (ENOM_TIMEOUT_MS); each call may pass its own `timeoutMs`. */
  timeoutMs?: number;
  /** Concurrent requests to eNom, default 8 (ENOM_MAX_CONCURRENCY). */
  maxConcurrency?: number;
  /**
   * How long GetPOP3, GetPOPExpirations, GetDomains and GetBalance answers are reused (read-cache.ts);
   * 0 or absent: not at all. The client's own writes drop the copies they affect.
   */
  readCacheTtlMs?: number;
};

const callOptionsSchema = z.object({
  timeoutMs: z.number().int().min(1).max(300_000).optional(),
  signal: z.instanceof(AbortSignal).optional(),
});

function issuesOf(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

/** Separates the call options (`timeoutMs`, `signal`) from the command's own input. */
function splitOptions(
  command: string,
  arg: object,
): { input: Record<string, unknown>; options: CallOptions } {
  const { timeoutMs, signal, ...input } = arg as Record<string, unknown>;
  const options = callOptionsSchema.safeParse({ timeoutMs, signal });
  if (!options.success) throw new EnomValidationError(command, issuesOf(options.error));
  return { input, options: options.data };
}

/**
 * An eNom client: one typed function per command. Input is checked (EnomValidationError, nothing
 * sent); the reply comes back as the app's type, or as EnomError (eNom said no) or
 * EnomUnavailable (eNom could not be asked, or its answer cannot be trusted — `reason`
 * "unrecognised" when eNom answered in a shape Mailpak does not understand; `outcome` says
 * whether a write may have happened).
 */
export function createEnomClient(config: EnomClientConfig) {
  const url = URL.canParse(config.baseUrl) ? new URL(config.baseUrl) : null;
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:"))
    throw new Error("The eNom base URL must be an http(s) URL ending in /interface.asp.");
  if (url.username || url.password || url.search)
    throw new Error("The eNom base URL must not carry credentials or a query; they go in the form body.");
  if (!config.uid || !config.pw) throw new Error("The eNom login ID and password are required.");

  const cache = config.readCacheTtlMs ? readCache({ ttlMs: config.readCacheTtlMs }) : null;
  const transport = createTransport({
    ...config,
    readLayers: [...(cache ? [cache] : []), ...(config.readLayers ?? [])],
    timeoutMs: config.timeoutMs ?? 30_000,
    maxConcurrency: config.maxConcurrency ?? 8,
  });

  async function call<Input extends z.ZodType, Result>(
    spec: CommandSpec<Input, Result>,
    arg: object,
  ): Promise<Result> {
    const { input: raw, options } = splitOptions(spec.command, arg);
    const parsed = spec.input.safeParse(raw);
    if (!parsed.success) throw new EnomValidationError(spec.command, issuesOf(parsed.error));
    const input = parsed.data;
    return transport.send(
      {
        command: spec.command,
        kind: spec.kind,
        params: spec.params(input),
        read: (reply, envelope) => spec.read(reply, envelope, input),
        readsDespiteErrors: spec.readsDespiteErrors,
      },
      options,
    );
  }

  /**
   * One GetDomains tab across its pages (`Start`, `Display` ≤ 100), checked against eNom's
   * `TotalDomainCount`: the domains read must be exactly that many, or the answer is refused as
   * `unrecognised`. Stops early (`truncated`) after `maxPages`, or where `Start` would need more
   * than its 4 documented characters (AdvancedDomainSearch is eNom's answer for such accounts).
   */
  async function getDomainsTab(
    tab: DomainTab,
    pageSize: number,
    maxPages: number,
    options: CallOptions,
  ): Promise<AccountDomains> {
    const byId = new Map<number, AccountDomain>();
    let trackingKey: string | null = null;
    let start = 1;
    const refuse = (detail: string) =>
      new EnomUnavailable({
        command: "GetDomains",
        kind: "read",
        reason: "unrecognised",
        outcome: "unknown",
        detail: `Tab=${tab}: ${detail}`,
        trackingKey,
      });
    for (let page = 1; ; page += 1) {
      const result = await call(getDomainsPage, { tab, start, display: pageSize, ...options });
      trackingKey ??= result.trackingKey;
      for (const domain of result.domains) byId.set(domain.domainNameId, domain);
      const total = result.totalDomainCount;
      const done = (truncated: boolean): AccountDomains => ({
        domains: [...byId.values()],
        totalDomainCount: total,
        truncated,
        trackingKey,
      });
      if (byId.size === total) return done(false);
      if (byId.size > total)
        throw refuse(`${byId.size} distinct domains read, TotalDomainCount says ${total}`);
      if (result.domains.length === 0)
        throw refuse(`an empty page at Start ${start} after ${byId.size} of TotalDomainCount ${total}`);
      const next = start + result.domains.length;
      if (result.nextRecords !== null && result.nextRecords !== next)
        throw refuse(
          `NextRecords ${result.nextRecords} after a page of ${result.domains.length} from Start ${start}`,
        );
      if (page >= maxPages || next > GET_DOMAINS_START_MAX) return done(true);
      start = next;
    }
  }

  /**
   * The account's domains: without `tab`, both GetDomains tabs eNom sells email for, merged by
   * DomainNameID: IOwn (registered here, status Registered) and IHost (DNS hosting here, status
   * DNSHosted; seeds/000). `totalDomainCount` is the sum of the tabs' TotalDomainCount.
   */
  async function getDomains(arg: GetDomainsInput & CallOptions = {}): Promise<AccountDomains> {
    const { input: raw, options } = splitOptions("GetDomains", arg);
    const parsed = getDomainsInputSchema.safeParse(raw);
    if (!parsed.success) throw new EnomValidationError("GetDomains", issuesOf(parsed.error));
    const { pageSize, maxPages } = parsed.data;
    const tabs: DomainTab[] = raw.tab === undefined ? ["IOwn", "IHost"] : [parsed.data.tab];
    const byId = new Map<number, AccountDomain>();
    let totalDomainCount = 0;
    let truncated = false;
    let trackingKey: string | null = null;
    for (const tab of tabs) {
      const result = await getDomainsTab(tab, pageSize, maxPages, options);
      // A name both registered and DNS-hosted here is listed once, as registered (IOwn comes first).
      for (const domain of result.domains)
        if (!byId.has(domain.domainNameId)) byId.set(domain.domainNameId, domain);
      totalDomainCount += result.totalDomainCount ?? 0;
      truncated ||= result.truncated;
      trackingKey ??= result.trackingKey;
    }
    return { domains: [...byId.values()], totalDomainCount, truncated, trackingKey };
  }

  return {
    // Purchase
    purchaseServices: (input: PurchaseServicesInput & CallOptions): Promise<Purchase> =>
      call(purchaseServices, input),
    purchasePopBundle: (input: PurchasePopBundleInput & CallOptions): Promise<PopBundlePurchase> =>
      call(purchasePopBundle, input),
    // Paks
    getPop3: (input: DomainOnlyInput & CallOptions): Promise<DomainEmail> => call(getPop3, input),
    setPakRenew: (input: SetPakRenewInput & CallOptions): Promise<PakRenewSetting> =>
      call(setPakRenew, input),
    deletePopPak: (input: PakInput & CallOptions): Promise<PakDeletion> => call(deletePopPak, input),
    deleteAllPopPaks: (input: DomainOnlyInput & CallOptions): Promise<AllPaksDeletion> =>
      call(deleteAllPopPaks, input),
    renewPopBundle: (input: RenewPopBundleInput & CallOptions): Promise<PakRenewal> =>
      call(renewPopBundle, input),
    getPopExpirations: (options: CallOptions = {}): Promise<PopExpirations> =>
      call(getPopExpirations, options),
    // Mailboxes
    setUpPop3Users: (input: SetUpPop3UsersInput & CallOptions): Promise<MailboxBatch> =>
      call(setUpPop3Users, input),
    modifyPop3Users: (input: ModifyPop3UsersInput & CallOptions): Promise<MailboxBatch> =>
      call(modifyPop3Users, input),
    deletePop3Users: (input: DeletePop3UsersInput & CallOptions): Promise<MailboxBatch> =>
      call(deletePop3Users, input),
    // Forwarding
    getCatchAll: (input: DomainOnlyInput & CallOptions): Promise<CatchAll> => call(getCatchAll, input),
    setCatchAll: (input: SetCatchAllInput & CallOptions): Promise<CatchAll> => call(setCatchAll, input),
    getPopForwarding: (input: PopForwardingInput & CallOptions): Promise<PopForwarding> =>
      call(getPopForwarding, input),
    setPopForwarding: (input: SetPopForwardingInput & CallOptions): Promise<PopForwardingWrite> =>
      call(setPopForwarding, input),
    // Host records, name servers, the email service (hosts.ts)
    getHosts: (input: DomainOnlyInput & CallOptions): Promise<HostRecords> => call(getHosts, input),
    /** Replaces every host record of the domain: pass the whole list (at most 50). */
    setHosts: (input: SetHostsInput & CallOptions): Promise<HostRecordsWrite> => call(setHosts, input),
    getMailHosts: (input: DomainOnlyInput & CallOptions): Promise<MailService> => call(getMailHosts, input),
    getDns: (input: DomainOnlyInput & CallOptions): Promise<NameServers> => call(getDns, input),
    // Domain email forwarding: aliases (domain-forwarding.ts)
    getDomainForwarding: (input: DomainOnlyInput & CallOptions): Promise<DomainForwarding> =>
      call(getDomainForwarding, input),
    /** Replaces every alias of the domain: pass the whole list. */
    setDomainForwarding: (input: SetDomainForwardingInput & CallOptions): Promise<DomainForwardingWrite> =>
      call(setDomainForwarding, input),
    // Account
    getDomains,
    getBalance: (options: CallOptions = {}): Promise<Balance> => call(getBalance, options),
  };
}

export type EnomClient = ReturnType<typeof createEnomClient>;
