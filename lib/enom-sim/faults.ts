import { z } from "zod";
import { COMMANDS } from "./commands";

/**
 * Faults a test can arm through /_sim/faults, each for one command (or "*") and for the next N
 * matching calls or until cleared. A fault for a named command wins over a "*" one.
 */
export const FAULT_MODES = [
  "latency",
  "hang",
  "http500",
  "reset",
  "malformed",
  "error",
  "try-again-later",
  "provisioning-lock",
  "partial",
  "commit-then-drop",
] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export const DEFAULT_FAULT_MESSAGE = "The service is temporarily unavailable; please try again later";

export const faultRequestSchema = z.object({
  command: z
    .string()
    .transform((command) => command.toUpperCase())
    .refine((command) => command === "*" || COMMANDS.has(command), {
      message: `must be "*" or one of ${[...COMMANDS.keys()].join(", ")}`,
    }),
  mode: z.enum(FAULT_MODES),
  latencyMs: z.number().int().min(0).max(600_000).optional(),
  jitterMs: z.number().int().min(0).max(600_000).optional(),
  message: z.string().min(1).max(500).optional(),
  times: z.number().int().min(1).optional(),
});
export type FaultRequest = z.infer<typeof faultRequestSchema>;

export interface Fault extends FaultRequest {
  id: string;
  /** Calls still to hit; null: until cleared. */
  remaining: number | null;
}

export class FaultBook {
  private faults: Fault[] = [];
  private nextId = 1;

  add(request: FaultRequest): Fault {
    const fault: Fault = { ...request, id: `fault-${this.nextId++}`, remaining: request.times ?? null };
    this.faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    return [...this.faults];
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((fault) => fault.id !== id);
    return this.faults.length < before;
  }

  clear(): void {
    this.faults = [];
  }

  /** The fault for this call, if any, counting it down. */
  take(command: string): Fault | undefined {
    const fault =
      this.faults.find((candidate) => candidate.command === command) ??
      this.faults.find((candidate) => candidate.command === "*");
    if (!fault) return undefined;
    if (fault.remaining !== null && --fault.remaining <= 0) this.remove(fault.id);
    return fault;
  }
}

/** latencyMs ± jitterMs, never below zero. */
export function faultDelayMs(fault: Fault, random: () => number = Math.random): number {
  const base = fault.latencyMs ?? 0;
  const jitter = fault.jitterMs ?? 0;
  return Math.max(0, Math.round(base + (random() * 2 - 1) * jitter));
}

/** What IIS sends for an unhandled server error: what a client sees when eNom's front door fails. */
export const IIS_500_PAGE = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"/>
<title>500 - Internal server error.</title>
</head>
<body>
<div id="header"><h1>Server Error</h1></div>
<div id="content">
 <div class="content-container"><fieldset>
  <h2>500 - Internal server error.</h2>
  <h3>There is a problem with the resource you are looking for, and it cannot be displayed.</h3>
 </fieldset></div>
</div>
</body>
</html>
`;

/** A reply cut off mid-element: no `Done`, and XML that does not parse. */
export function truncatedBody(body: string): string {
  const doneAt = body.indexOf("Done");
  const cut = Math.floor((doneAt > 0 ? doneAt : body.length) * 0.6);
  return body.slice(0, cut) + "<Err";
}
