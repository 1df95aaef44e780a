import "server-only";
import type { Difference } from "./compare";
import type { UnknownAnswer } from "./unknowns";

/** One command sent to eNom during the check, and what came of it. */
export type StepReport = {
  n: number;
  /** What the step did, in words: "GetPOP3 of example.com (before the writes)". */
  label: string;
  command: string;
  /** The eNom documents its reply is compared with. */
  source: string;
  caveat: string | null;
  /** `no-reply`: nothing came back to compare (eNom did not answer, or the check was refused input). */
  outcome: "matches" | "differs" | "no-reply";
  differences: Difference[];
  /** eNom refused (ErrCount > 0): its Err texts and ResponseNumbers. */
  refusal: { errors: string[]; numbers: number[] } | null;
  /** Mailpak's client could not turn the reply into a result (or was not asked to): its words. */
  client: string | null;
  /** What eNom's documents say should happen, and whether it did (read back with GetPOP3 and the like). */
  expectations: { ok: boolean; says: string }[];
  /** The replies as saved, passwords removed (several when the client retried a read). */
  files: string[];
};

export type CheckReport = {
  startedAt: string;
  baseUrl: string;
  system: string;
  mode: "read-only" | "write";
  domain: string | null;
  outDir: string;
  steps: StepReport[];
  unknowns: UnknownAnswer[];
  /** Notes on what the run did or could not do (cleanup left-overs, skipped steps). */
  notes: string[];
  /** Every step matches and every expectation held. */
  ok: boolean;
};

export function stepOk(step: StepReport): boolean {
  return (
    step.outcome === "matches" &&
    step.client === null &&
    step.expectations.every((expectation) => expectation.ok)
  );
}

/** The lines printed for one step as it finishes. */
export function formatStep(step: StepReport): string[] {
  const lines: string[] = [];
  const head = `${String(step.n).padStart(2, " ")}. ${step.label}`;
  if (step.outcome === "no-reply") lines.push(`${head}: NO REPLY to compare`);
  else if (step.outcome === "matches") lines.push(`${head}: matches the documented shape (${step.source})`);
  else lines.push(`${head}: DIFFERS from the documented shape (${step.source}):`);
  for (const difference of step.differences)
    lines.push(
      `      - ${difference.kind}: ${difference.message}${difference.path ? ` [${difference.path}]` : ""}`,
    );
  if (step.caveat) lines.push(`      note: ${step.caveat}`);
  if (step.refusal)
    lines.push(
      `      eNom refused: ${step.refusal.errors.join("; ") || "(no text)"}` +
        (step.refusal.numbers.length ? ` (ResponseNumber ${step.refusal.numbers.join(", ")})` : ""),
    );
  if (step.client) lines.push(`      Mailpak's client: ${step.client}`);
  for (const expectation of step.expectations)
    lines.push(`      ${expectation.ok ? "as documented" : "NOT AS DOCUMENTED"}: ${expectation.says}`);
  return lines;
}

export function formatUnknowns(unknowns: readonly UnknownAnswer[]): string[] {
  const lines = ["", "Unknowns (what eNom's documents leave open):"];
  for (const unknown of unknowns) {
    lines.push(`  - ${unknown.question}`);
    lines.push(`    [${unknown.status}] ${unknown.answer}`);
  }
  return lines;
}

export function formatSummary(report: CheckReport): string[] {
  const differing = report.steps.filter((step) => !stepOk(step));
  const lines = [""];
  for (const note of report.notes) lines.push(`Note: ${note}`);
  lines.push(
    report.ok
      ? `All ${report.steps.length} replies match eNom's documented shapes.`
      : `${differing.length} of ${report.steps.length} steps differ from eNom's documents: ${differing
          .map((step) => `${step.n} (${step.command})`)
          .join(", ")}.`,
  );
  lines.push(`Replies saved, passwords removed, in ${report.outDir}`);
  return lines;
}
