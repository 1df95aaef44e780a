import type { MailHealth } from "./evaluate";
import {
  DKIM_SELECTORS,
  normaliseHost,
  providerRecords,
  sameHost,
  type LookupOutcome,
  type ProviderRecords,
} from "./model";
import { isSpf, looksLikeDmarc, parseDmarc, parseSpf, spfWithProvider } from "./records";

/**
 * The one-click fix: which host records to add, change or remove so the domain's mail health
 * turns green, and the complete list to write back. SetHosts replaces ALL of a domain's host
 * records, so the plan starts from every record GetHosts returned and keeps each one it has no
 * reason to touch. It never tightens a policy, never adds a second SPF or DMARC record, and only
 * moves mail away from another server when the customer asked for that (`routeMailToProvider`).
 * Where the domain's DNS is hosted elsewhere, the same plan is given as records to copy.
 */

/** A host record as the provider's GetHosts returns it (the integration maps its own type to this). */
export type HostRecordType = "A" | "AAAA" | "CNAME" | "URL" | "URL301" | "FRAME" | "MX" | "MXE" | "TXT";

export interface HostRecord {
  /** Relative to the domain: "@", "www", "_dmarc", "k1._domainkey". */
  name: string;
  type: HostRecordType;
  address: string;
  mxPref?: number;
}

/** SetHosts takes at most 50 host records. */
export const MAX_HOST_RECORDS = 50;
const DEFAULT_MX_PREF = 10;

export interface PlannedAddition {
  record: HostRecord;
  reason: string;
}
export interface PlannedChange {
  before: HostRecord;
  after: HostRecord;
  reason: string;
}
export interface PlannedRemoval {
  record: HostRecord;
  reason: string;
}

/** One record for the customer to enter at their own DNS host. */
export interface RecordToCopy {
  action: "add" | "change" | "remove";
  /** Relative name ("@", "_dmarc", "k1._domainkey") and the full one, since DNS hosts differ. */
  name: string;
  fqdn: string;
  type: "MX" | "TXT" | "CNAME";
  value: string;
  mxPref?: number;
  /** For a change: the value it replaces. */
  replaces?: string;
  reason: string;
}

export type FixPlan =
  | {
      kind: "set-hosts";
      add: PlannedAddition[];
      change: PlannedChange[];
      remove: PlannedRemoval[];
      keep: HostRecord[];
      /** The complete list for SetHosts: every kept record, the changed ones, the added ones. */
      records: HostRecord[];
      /** What the fix leaves alone, and why, in the customer's words. */
      notes: string[];
      /** Nothing to write: SetHosts need not be called. */
      empty: boolean;
    }
  | { kind: "too-many-records"; needed: number; limit: number; message: string; notes: string[] }
  | { kind: "copy-records"; records: RecordToCopy[]; notes: string[]; empty: boolean };

export interface FixPlanInput {
  health: MailHealth;
  /** From the provider's DNS status: whether it hosts the domain's DNS, and then all its host records. */
  dns: { hostedByProvider: true; records: readonly HostRecord[] } | { hostedByProvider: false };
  /** The customer asked to deliver the domain's mail to the provider, replacing MX records elsewhere. */
  routeMailToProvider?: boolean;
  provider?: string;
}

/** A record in the plan's own terms: relative lower-case name, FQDN values without the final dot. */
interface Entry {
  name: string;
  type: string;
  value: string;
  mxPref?: number;
  /** Index in the host-record list it came from (set-hosts only). */
  index?: number;
}

type Step =
  | { op: "add"; entry: Entry; reason: string }
  | { op: "change"; before: Entry; after: Entry; reason: string }
  | { op: "remove"; entry: Entry; reason: string };

/** What the planner knows of the zone; a part DNS did not answer for is "unknown" (copy mode only). */
interface Zone {
  entries: Entry[];
  unknown: Set<"mx" | "spf" | "dkim" | "dmarc">;
}

function relativeName(name: string, domain: string): string {
  const host = normaliseHost(name);
  if (host === "" || host === "@" || host === domain) return "@";
  return host.endsWith(`.${domain}`) ? host.slice(0, -(domain.length + 1)) : host;
}

const FQDN_TYPES = new Set(["MX", "CNAME"]);

function entryOf(record: HostRecord, index: number, domain: string): Entry {
  const type = record.type.toUpperCase();
  return {
    name: relativeName(record.name, domain),
    type,
    value: FQDN_TYPES.has(type) ? normaliseHost(record.address) : record.address,
    mxPref: record.mxPref,
    index,
  };
}

function zoneFromLookups({ lookups }: MailHealth): Zone {
  const unknown: Zone["unknown"] = new Set();
  const answers = <T>(part: "mx" | "spf" | "dkim" | "dmarc", outcome: LookupOutcome<T>): T[] => {
    if (outcome.kind === "failed") unknown.add(part);
    return outcome.kind === "found" ? outcome.records : [];
  };
  const entries: Entry[] = [
    ...answers("mx", lookups.mx).map((mx) => ({
      name: "@",
      type: "MX",
      value: normaliseHost(mx.exchange),
      mxPref: mx.priority,
    })),
    ...answers("spf", lookups.apexTxt).map((txt) => ({ name: "@", type: "TXT", value: txt })),
    ...answers("dmarc", lookups.dmarcTxt).map((txt) => ({ name: "_dmarc", type: "TXT", value: txt })),
    ...DKIM_SELECTORS.flatMap((selector) =>
      answers("dkim", lookups.dkim[selector]).map((target) => ({
        name: `${selector}._domainkey`,
        type: "CNAME",
        value: normaliseHost(target),
      })),
    ),
  ];
  return { entries, unknown };
}

interface PlanContext {
  zone: Zone;
  expected: ProviderRecords;
  provider: string;
  routeMailToProvider: boolean;
}

function planMx(
  { zone, expected, provider, routeMailToProvider }: PlanContext,
  steps: Step[],
  notes: string[],
) {
  const ours: Entry = { name: "@", type: "MX", value: expected.mx, mxPref: DEFAULT_MX_PREF };
  const addOurs = (reason: string) => steps.push({ op: "add", entry: ours, reason });
  if (zone.unknown.has("mx")) {
    addOurs(
      `Delivers your mail to ${provider}; we could not read your current MX records, so make sure this is the only one.`,
    );
    return;
  }
  const mx = zone.entries.filter((e) => e.name === "@" && (e.type === "MX" || e.type === "MXE"));
  const elsewhere = mx.filter((e) => !(e.type === "MX" && sameHost(e.value, expected.mx)));
  const present = elsewhere.length < mx.length;
  if (mx.length === 0) return addOurs(`Delivers your mail to your mailboxes at ${provider}.`);
  if (elsewhere.length === 0) return;
  if (!routeMailToProvider) {
    notes.push(
      `Some of your mail is delivered to ${[...new Set(elsewhere.map((e) => e.value))].join(", ")}, not to ${provider}; we left that as it is, because changing it moves your incoming mail: choose to deliver your mail to ${provider} if that is what you want.`,
    );
    return;
  }
  for (const entry of elsewhere)
    steps.push({
      op: "remove",
      entry,
      reason: `Mail no longer goes to ${entry.value}; it goes to ${provider} instead.`,
    });
  if (!present) addOurs(`Delivers your mail to your mailboxes at ${provider}.`);
}

function planSpf({ zone, expected, provider }: PlanContext, steps: Step[], notes: string[]) {
  const spf = zone.entries.filter((e) => e.name === "@" && e.type === "TXT" && isSpf(e.value));
  const merged = spfWithProvider(spf.map((e) => e.value));
  if (zone.unknown.has("spf")) {
    if (merged)
      steps.push({
        op: "add",
        entry: { name: "@", type: "TXT", value: merged },
        reason: `Allows ${provider} to send your mail; we could not read your current SPF record, so if you have one, add "${expected.spfInclude}" to it instead of adding a second one.`,
      });
    return;
  }
  if (merged === null) {
    notes.push(
      `Your domain has ${spf.length} SPF records that use settings we cannot combine safely; merge them into one that includes "${expected.spfInclude}", by hand or with your IT support.`,
    );
    return;
  }
  const [first, ...rest] = spf;
  if (!first)
    return steps.push({
      op: "add",
      entry: { name: "@", type: "TXT", value: merged },
      reason: `Lists ${provider} as allowed to send your mail.`,
    });
  const parsed = parseSpf(first.value);
  const weak = parsed.all === "+" || parsed.all === "?" || (parsed.all === null && !parsed.redirects);
  if (rest.length === 0 && parsed.includesProvider && !weak) return;
  steps.push({
    op: "change",
    before: first,
    after: { ...first, value: merged },
    reason:
      rest.length > 0
        ? `Combines your ${spf.length} SPF records into one, as the rules require, and lists ${provider} in it.`
        : parsed.includesProvider
          ? `Keeps every sender you listed and tells other mail services to treat mail from other servers as suspicious.`
          : `Keeps every sender you listed and adds ${provider}.`,
  });
  for (const entry of rest)
    steps.push({ op: "remove", entry, reason: "Combined into your single SPF record above." });
}

function planDkim({ zone, expected, provider }: PlanContext, steps: Step[]) {
  for (const selector of DKIM_SELECTORS) {
    const name = `${selector}._domainkey`;
    const wanted: Entry = { name, type: "CNAME", value: expected.dkim[selector] };
    const there = zone.entries.filter((e) => e.name === name);
    if (there.some((e) => e.type === "CNAME" && sameHost(e.value, wanted.value))) continue;
    const reason = `Lets ${provider} seal your mail with DKIM (signing key ${selector}).`;
    const [first, ...rest] = there;
    if (zone.unknown.has("dkim")) {
      steps.push({
        op: "add",
        entry: wanted,
        reason: `${reason} We could not read what is there now; replace it if it differs.`,
      });
      continue;
    }
    if (!first) {
      steps.push({ op: "add", entry: wanted, reason });
      continue;
    }
    steps.push({
      op: "change",
      before: first,
      after: { ...wanted, index: first.index },
      reason: `${reason} It replaces the ${first.type} record there, which pointed to ${first.value}.`,
    });
    for (const entry of rest)
      steps.push({ op: "remove", entry, reason: `A DKIM name may hold only the one record above.` });
  }
}

function planDmarc({ zone, expected }: PlanContext, steps: Step[], notes: string[]) {
  const there = zone.entries.filter(
    (e) => e.name === "_dmarc" && (e.type === "CNAME" || (e.type === "TXT" && looksLikeDmarc(e.value))),
  );
  if (there.length === 0) {
    steps.push({
      op: "add",
      entry: { name: "_dmarc", type: "TXT", value: expected.dmarc },
      reason: zone.unknown.has("dmarc")
        ? "Adds a monitor-only DMARC policy; we could not read your current one, so add this only if you have none."
        : "Adds a monitor-only DMARC policy, which Gmail, Yahoo and Outlook expect; it never blocks your own mail.",
    });
    return;
  }
  const txt = there.filter((e) => e.type === "TXT");
  if (txt.length > 1 || txt.some((e) => !parseDmarc(e.value).valid))
    notes.push(
      "Your DMARC policy is not written correctly; we left it as it is because we cannot tell what you meant: correct it, or delete it and run the fix again to get a monitor-only one.",
    );
}

function plan(context: PlanContext, health: MailHealth): { steps: Step[]; notes: string[] } {
  const steps: Step[] = [];
  const notes: string[] = [];
  planMx(context, steps, notes);
  planSpf(context, steps, notes);
  planDkim(context, steps);
  planDmarc(context, steps, notes);
  if (health.checks.service.reason === "service-off") notes.push(health.checks.service.sentence);
  return { steps, notes };
}

function hostRecordOf(entry: Entry, original?: HostRecord): HostRecord {
  const fqdn = FQDN_TYPES.has(entry.type);
  return {
    ...original,
    name: entry.name,
    type: entry.type as HostRecordType,
    // The provider's host records take fully qualified names with the root's final dot.
    address: fqdn ? `${entry.value}.` : entry.value,
    ...(entry.type === "MX" ? { mxPref: entry.mxPref ?? DEFAULT_MX_PREF } : {}),
  };
}

function setHostsPlan(records: readonly HostRecord[], steps: Step[], notes: string[]): FixPlan {
  const original = (entry: Entry) => (entry.index === undefined ? undefined : records[entry.index]);
  const changed = new Map<number, HostRecord>();
  const removed = new Set<number>();
  const add: PlannedAddition[] = [];
  const change: PlannedChange[] = [];
  const remove: PlannedRemoval[] = [];
  for (const step of steps) {
    if (step.op === "add") add.push({ record: hostRecordOf(step.entry), reason: step.reason });
    else if (step.op === "remove") {
      const before = original(step.entry);
      if (step.entry.index === undefined || !before) continue;
      removed.add(step.entry.index);
      remove.push({ record: before, reason: step.reason });
    } else {
      const before = original(step.before);
      if (step.before.index === undefined || !before) continue;
      const after = hostRecordOf(step.after, before.type === step.after.type ? before : undefined);
      changed.set(step.before.index, after);
      change.push({ before, after, reason: step.reason });
    }
  }
  const keep = records.filter((_, index) => !changed.has(index) && !removed.has(index));
  const next = [
    ...records.flatMap((record, index) => (removed.has(index) ? [] : [changed.get(index) ?? record])),
    ...add.map((a) => a.record),
  ];
  if (next.length > MAX_HOST_RECORDS) {
    const over = next.length - MAX_HOST_RECORDS;
    return {
      kind: "too-many-records",
      needed: next.length,
      limit: MAX_HOST_RECORDS,
      message: `This fix needs ${next.length} DNS records, but a domain can have at most ${MAX_HOST_RECORDS}; delete ${over} record${over === 1 ? "" : "s"} you no longer use, then run the fix again.`,
      notes,
    };
  }
  const empty = add.length === 0 && change.length === 0 && remove.length === 0;
  return { kind: "set-hosts", add, change, remove, keep, records: next, notes, empty };
}

function copyPlan(domain: string, steps: Step[], notes: string[]): FixPlan {
  const fqdn = (name: string) => (name === "@" ? domain : `${name}.${domain}`);
  const copy = (
    action: RecordToCopy["action"],
    entry: Entry,
    reason: string,
    replaces?: string,
  ): RecordToCopy => ({
    action,
    name: entry.name,
    fqdn: fqdn(entry.name),
    type: entry.type as RecordToCopy["type"],
    value: entry.value,
    ...(entry.type === "MX" ? { mxPref: entry.mxPref ?? DEFAULT_MX_PREF } : {}),
    ...(replaces === undefined ? {} : { replaces }),
    reason,
  });
  const records = steps.map((step) =>
    step.op === "change"
      ? copy("change", step.after, step.reason, step.before.value)
      : copy(step.op, step.entry, step.reason),
  );
  return { kind: "copy-records", records, notes, empty: records.length === 0 };
}

export function planMailFix({
  health,
  dns,
  routeMailToProvider = false,
  provider = "your email provider",
}: FixPlanInput): FixPlan {
  const domain = normaliseHost(health.domain);
  const zone: Zone = dns.hostedByProvider
    ? { entries: dns.records.map((record, index) => entryOf(record, index, domain)), unknown: new Set() }
    : zoneFromLookups(health);
  const context: PlanContext = {
    zone,
    expected: providerRecords(domain),
    provider,
    routeMailToProvider,
  };
  const { steps, notes } = plan(context, health);
  return dns.hostedByProvider ? setHostsPlan(dns.records, steps, notes) : copyPlan(domain, steps, notes);
}
