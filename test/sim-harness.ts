/**
 * What the fault-matrix, property and security tests need from a running simulator: its call log,
 * its faults, a reset, and its truth about a domain, through the control API under /_sim/.
 */
import type { RunningSimulator } from "@/lib/enom-sim/server";

export interface SimCall {
  seq: number;
  command: string;
  method: string;
  params: Record<string, string>;
  errCount: number;
  fault?: string;
}

/** Every eNom command that changes something (the simulator's names, upper case). */
export const WRITE_COMMANDS: ReadonlySet<string> = new Set([
  "PURCHASESERVICES",
  "PURCHASEPOPBUNDLE",
  "SETPAKRENEW",
  "SETUPPOP3USER",
  "MODIFYPOP3",
  "DELETEPOP3",
  "DELETEPOPPAK",
  "DELETEALLPOPPAKS",
  "RENEWPOPBUNDLE",
  "SETCATCHALL",
  "SETPOPFORWARDING",
  "FORWARDING",
]);

export interface FaultSpec {
  command: string;
  mode: string;
  message?: string;
  times?: number;
}

export function simHarness(sim: () => RunningSimulator) {
  const origin = () => sim().origin;

  async function json<T>(path: string, init?: RequestInit): Promise<T> {
    const response = await fetch(`${origin()}${path}`, init);
    if (!response.ok) throw new Error(`${init?.method ?? "GET"} ${path}: HTTP ${response.status}`);
    return (await response.json()) as T;
  }

  async function calls(since = 0): Promise<SimCall[]> {
    return (await json<{ calls: SimCall[] }>(`/_sim/calls?since=${since}`)).calls;
  }

  return {
    calls,
    /** The newest call's number; 0 when the log is empty (numbers keep growing after a reset). */
    async lastSeq(): Promise<number> {
      const list = await calls();
      return list.reduce((max, call) => Math.max(max, call.seq), 0);
    },
    async writesSince(seq: number): Promise<SimCall[]> {
      return (await calls(seq)).filter((call) => WRITE_COMMANDS.has(call.command.toUpperCase()));
    },
    async arm(fault: FaultSpec): Promise<void> {
      await json("/_sim/faults", { method: "POST", body: JSON.stringify(fault) });
    },
    async clearFaults(): Promise<void> {
      await json("/_sim/faults", { method: "DELETE" });
    },
    /** Back to the seeded world, with no faults. */
    async reset(): Promise<void> {
      await json("/_sim/reset", { method: "POST", body: "{}" });
    },
    async domain(name: string): Promise<DomainTruth> {
      return json<DomainTruth>(`/_sim/state/domain/${encodeURIComponent(name)}`);
    },
    async balance(): Promise<string> {
      return (await json<{ balance: string }>("/_sim/balance")).balance;
    },
    async counters(): Promise<{ total: number; byCommand: Record<string, number> }> {
      return json("/_sim/counters");
    },
  };
}

export interface DomainTruth {
  domain: string;
  catchAll: string;
  autoRenew: boolean;
  expDate: string | null;
  paks: {
    bundleId: number;
    qtyPurchased: number;
    qtyAvailable: number;
    autoRenew: boolean;
    expires?: string | null;
    [key: string]: unknown;
  }[];
  mailboxes: {
    userName: string;
    bundleId: number;
    isAdmin: boolean;
    forwardTo: string;
    passwordSetAt: string;
    [key: string]: unknown;
  }[];
}
