import "server-only";
import { z } from "zod";
import { getBalance, getDomainsPage } from "./commands/account";
import type { CommandSpec } from "./commands/command";
import { getCatchAll, getPopForwarding, setCatchAll, setPopForwarding } from "./commands/forwarding";
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
import { getDomainsInputSchema } from "./schemas";
import { createTransport, type TransportConfig } from "./transport";
import type {
  AccountDomain,
  AccountDomains,
  CallOptions,
  DeletePop3UsersInput,
  DomainOnlyInput,
  GetDomainsInput,
  ModifyPop3UsersInput,
  PakInput,
  PopForwardingInput,
  PurchasePopBundleInput,
  PurchaseServicesInput,
  RenewPopBundleInput,
  SetCatchAllInput,
  SetPakRenewInput,
  SetPopForwardingInput,
  SetUpPop3UsersInput,
} from "./types";

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
 * EnomUnavailable (eNom could not be asked or its answer not trusted; `outcome` says whether a
 * write may have happened).
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
      },
      options,
    );
  }

  /** GetDomains across pages: follows `NextStart` while it is > 0, at most `maxPages` pages. */
  async function getDomains(arg: GetDomainsInput & CallOptions = {}): Promise<AccountDomains> {
    const { input: raw, options } = splitOptions("GetDomains", arg);
    const parsed = getDomainsInputSchema.safeParse(raw);
    if (!parsed.success) throw new EnomValidationError("GetDomains", issuesOf(parsed.error));
    const { pageSize, maxPages } = parsed.data;
    const byId = new Map<number, AccountDomain>();
    let totalDomainCount: number | null = null;
    let trackingKey: string | null = null;
    let start = 1;
    for (let page = 1; page <= maxPages; page += 1) {
      const result = await call(getDomainsPage, { start, display: pageSize, ...options });
      for (const domain of result.domains) byId.set(domain.domainNameId, domain);
      totalDomainCount = result.totalDomainCount ?? totalDomainCount;
      trackingKey ??= result.trackingKey;
      if (result.nextStart === 0)
        return { domains: [...byId.values()], totalDomainCount, truncated: false, trackingKey };
      if (result.nextStart <= start)
        throw new EnomUnavailable({
          command: "GetDomains",
          kind: "read",
          reason: "unparseable",
          outcome: "unknown",
          detail: `NextStart ${result.nextStart} does not move past Start ${start}`,
          trackingKey: result.trackingKey,
        });
      start = result.nextStart;
    }
    return { domains: [...byId.values()], totalDomainCount, truncated: true, trackingKey };
  }

  return {
    // Purchase
    purchaseServices: (input: PurchaseServicesInput & CallOptions) => call(purchaseServices, input),
    purchasePopBundle: (input: PurchasePopBundleInput & CallOptions) => call(purchasePopBundle, input),
    // Paks
    getPop3: (input: DomainOnlyInput & CallOptions) => call(getPop3, input),
    setPakRenew: (input: SetPakRenewInput & CallOptions) => call(setPakRenew, input),
    deletePopPak: (input: PakInput & CallOptions) => call(deletePopPak, input),
    deleteAllPopPaks: (input: DomainOnlyInput & CallOptions) => call(deleteAllPopPaks, input),
    renewPopBundle: (input: RenewPopBundleInput & CallOptions) => call(renewPopBundle, input),
    getPopExpirations: (options: CallOptions = {}) => call(getPopExpirations, options),
    // Mailboxes
    setUpPop3Users: (input: SetUpPop3UsersInput & CallOptions) => call(setUpPop3Users, input),
    modifyPop3Users: (input: ModifyPop3UsersInput & CallOptions) => call(modifyPop3Users, input),
    deletePop3Users: (input: DeletePop3UsersInput & CallOptions) => call(deletePop3Users, input),
    // Forwarding
    getCatchAll: (input: DomainOnlyInput & CallOptions) => call(getCatchAll, input),
    setCatchAll: (input: SetCatchAllInput & CallOptions) => call(setCatchAll, input),
    getPopForwarding: (input: PopForwardingInput & CallOptions) => call(getPopForwarding, input),
    setPopForwarding: (input: SetPopForwardingInput & CallOptions) => call(setPopForwarding, input),
    // Account
    getDomains,
    getBalance: (options: CallOptions = {}) => call(getBalance, options),
  };
}

export type EnomClient = ReturnType<typeof createEnomClient>;
