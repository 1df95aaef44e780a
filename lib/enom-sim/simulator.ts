import { CallLog } from "./calls";
import { isoDateOf } from "./dates";
import { FaultBook } from "./faults";
import { seedWorld } from "./seed";
import { removeLeftoverTemporaries, StateFile } from "./store";
import type { World } from "./world";

/**
 * One running simulator's state: the world, where it is saved, the call log, the armed faults
 * and the clock. The HTTP server and the control API both work through it.
 */
export interface SimulatorSetup {
  statePath: string | null;
  domainCount: number;
  reset: boolean;
  now: () => Date;
  baselineLatencyMs: number;
  /** The 2014 password rule instead of today's (replaying the seeds' examples verbatim). */
  legacyPasswords: boolean;
  /** When set, the only caller addresses eNom accepts; others get error 713254. */
  allowedIps: readonly string[] | null;
}

export class Simulator {
  world: World;
  readonly calls = new CallLog();
  readonly faults = new FaultBook();
  readonly now: () => Date;
  readonly baselineLatencyMs: number;
  readonly legacyPasswords: boolean;
  /** Changed through /_sim/allowed-ips to simulate "User not permitted from this IP address". */
  allowedIps: readonly string[] | null;
  /** Milliseconds it took to build (or reload) the world at start. */
  readonly startupMs: number;
  /** Set by close(): a call still waiting out its latency must not change the world after that. */
  closed = false;
  private readonly stateFile: StateFile | null;
  private readonly startAllowedIps: readonly string[] | null;

  constructor(setup: SimulatorSetup) {
    const started = performance.now();
    this.now = setup.now;
    this.baselineLatencyMs = setup.baselineLatencyMs;
    this.legacyPasswords = setup.legacyPasswords;
    this.allowedIps = setup.allowedIps;
    this.startAllowedIps = setup.allowedIps;
    this.stateFile = setup.statePath === null ? null : new StateFile(setup.statePath);
    if (setup.statePath !== null) removeLeftoverTemporaries(setup.statePath);
    const saved = setup.reset ? null : (this.stateFile?.load() ?? null);
    this.world = saved ?? seedWorld({ domainCount: setup.domainCount, anchor: isoDateOf(this.now()) });
    if (!saved) this.save();
    this.startupMs = performance.now() - started;
  }

  /** Synchronous on purpose: a change is on disk before the reply that reports it leaves. */
  save(): void {
    this.stateFile?.save(this.world);
  }

  /** Back to a freshly seeded world (anchored today), with an empty log, no faults, the start's allow-list. */
  reset(domainCount = this.world.seed.domainCount): void {
    this.allowedIps = this.startAllowedIps;
    this.world = seedWorld({ domainCount, anchor: isoDateOf(this.now()) });
    this.calls.clearLog();
    this.calls.clearCounters();
    this.faults.clear();
    this.save();
  }
}
