import { SIM_ORIGIN } from "./fixtures";

/**
 * The eNom simulator as the specs see it: its control routes under /_sim/ (lib/enom-sim/control.ts)
 * and the few reads of eNom's own interface.asp that pick a spec's domains. The simulator is shared
 * by every spec and never reset, so these only read, except the faults a spec arms and clears.
 */

/** A pak in the simulator's truth: the stored pak plus what the control route derives (room, expiry). */
export interface SimPak {
  bundleId: number;
  /** GetPOP3's ProdType: 2011 the Mailbox product, else a classic 10-pak. */
  prodType: number;
  qtyPurchased: number;
  qtyAvailable: number;
  capacityGb: number;
  storageUnits: number;
  expDate: string;
  expired: boolean;
  autoRenew: boolean;
}

/** A mailbox in the simulator's truth (never its password: the control route leaves it out). */
export interface SimMailbox {
  userName: string;
  displayName: string;
  bundleId: number;
  isAdmin: boolean;
  /** Its forwarding record's address, or "" when it has none. */
  forwardTo: string;
  passwordSetAt: string;
}

/** One email forwarding record (GetPOPForwarding), which may name a user without a mailbox. */
export interface SimForward {
  userName: string;
  forwardTo: string;
  statusFlags: string;
}

/** What `GET /_sim/state/domain/<name>` answers: every field is there for every domain. */
export interface SimDomain {
  domain: string;
  status: string;
  catchAll: string;
  paks: SimPak[];
  mailboxes: SimMailbox[];
  forwards: SimForward[];
}

/** One entry of the simulator's call log (`GET /_sim/calls`), parameters with secrets redacted. */
export interface SimCall {
  seq: number;
  command: string;
  params: Record<string, string>;
}

/** A fault to arm on the simulator (`POST /_sim/faults`): the command (or "*") fails in this mode. */
export interface SimFault {
  command: string;
  mode: string;
  message?: string;
  latencyMs?: number;
  times?: number;
}

/** Calls a control route of the simulator and returns its JSON body; throws on a non-OK reply. */
export async function sim<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${SIM_ORIGIN}${path}`, init);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** The simulator's truth about one domain: its paks, mailboxes and forwarding as they are now. */
export const truth = (domain: string) => sim<SimDomain>(`/_sim/state/domain/${domain}`);

/** The calls logged after `seq`: the simulator itself returns only those with a greater seq (calls.ts). */
export const callsSince = async (seq: number) =>
  (await sim<{ calls: SimCall[] }>(`/_sim/calls?since=${seq}`)).calls;

/** The seq of the latest call in the log (0 when empty): the mark to read `callsSince` from. */
export const lastCallSeq = async () =>
  (await callsSince(0)).reduce((max, call) => Math.max(max, call.seq), 0);

/** Arms a fault on the simulator until `clearFaults` (or its `times` run out). */
export const armFault = (fault: SimFault) =>
  sim("/_sim/faults", { method: "POST", body: JSON.stringify(fault) });

/** Takes away every fault armed on the simulator. */
export const clearFaults = () => sim("/_sim/faults", { method: "DELETE" });

/** eNom's account-wide pak list from the simulator: GetPOPExpirations' Text reply (`domain1`, `bundleid1`, …). */
export async function popExpirationsText(): Promise<string> {
  const query = new URLSearchParams({
    uid: "resellid",
    pw: "resellpw",
    responsetype: "text",
    command: "GetPOPExpirations",
  });
  return (await fetch(`${SIM_ORIGIN}/interface.asp?${query}`)).text();
}

/** The account's domains with email, lower-cased, by name, once each, as eNom's pak list has them. */
export async function domainsWithEmail(): Promise<string[]> {
  const body = await popExpirationsText();
  const names = new Set<string>();
  for (const match of body.matchAll(/^domain\d+=(.+?)\r?$/gim)) names.add((match[1] ?? "").toLowerCase());
  return [...names].sort();
}

/** The documents' example domains, which other specs compare with eNom's own samples. */
export const DOCUMENT_DOMAINS = new Set(["resellerdocs.com", "enom-email-example-123.com"]);

/** What lib/db/seed-demo.ts gives the demo customer: the first four with email, without the documents' examples. */
export async function demoCustomerDomains(): Promise<string[]> {
  return (await domainsWithEmail()).filter((name) => !DOCUMENT_DOMAINS.has(name)).slice(0, 4);
}
