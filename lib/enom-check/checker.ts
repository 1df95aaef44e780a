import "server-only";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isEnomError, isEnomUnavailable, isEnomValidationError } from "@/lib/enom";
import { allAt, compareReply } from "./compare";
import { type CommandShape, DOCUMENTED, type DocumentedCommand } from "./documented";
import { formatStep, type StepReport } from "./report";
import { scrubReply } from "./secrets";
import type { XmlElement } from "./xml";

/** What one step gives the flow: the client's result (or its error) and the reply as read. */
export type StepRun<T> = {
  result: T | null;
  error: unknown;
  /** The raw reply, read as XML (passwords removed); null when none came back. */
  reply: XmlElement | null;
  report: StepReport;
};

export type StepOptions<T> = {
  /** eNom's documents say it must refuse (e.g. DeletePOPPak of a pak with mailboxes): why. */
  expectRefusal?: string;
  /** An experiment: eNom may refuse, and what it does is the answer, not a failure. */
  allowRefusal?: boolean;
  /** What the documents say this reply must show (a read-back after a write): each with whether it held. */
  expect?: (run: { result: T | null; reply: XmlElement | null }) => { ok: boolean; says: string }[];
};

/**
 * Runs each command through Mailpak's own client, takes the raw reply the client hands over
 * (`onRawReply`, passwords already removed), checks it once more for passwords, saves it, and
 * compares it with eNom's documented shape.
 */
export class Checker {
  readonly steps: StepReport[] = [];
  private readonly replies: { command: string; body: string }[] = [];
  private readonly secrets: string[];

  constructor(
    private readonly outDir: string,
    secrets: readonly string[],
    private readonly print: (line: string) => void,
  ) {
    this.secrets = [...secrets];
    mkdirSync(outDir, { recursive: true, mode: 0o700 });
  }

  /** For createEnomClient's `onRawReply`. */
  readonly onRawReply = (command: string, body: string): void => {
    this.replies.push({ command, body });
  };

  /** A secret the check is about to send (a test mailbox's password): never saved, whatever eNom echoes. */
  addSecret(secret: string): void {
    this.secrets.push(secret);
  }

  async step<T>(
    label: string,
    command: DocumentedCommand,
    call: () => Promise<T>,
    options: StepOptions<T> = {},
  ): Promise<StepRun<T>> {
    const shape: CommandShape = DOCUMENTED[command];
    const mark = this.replies.length;
    let result: T | null = null;
    let error: unknown = null;
    try {
      result = await call();
    } catch (caught) {
      error = caught;
    }
    const replies = this.replies
      .slice(mark)
      .filter((reply) => reply.command.toLowerCase() === command.toLowerCase());
    const n = this.steps.length + 1;
    const report: StepReport = {
      n,
      label,
      command,
      source: shape.source,
      caveat: shape.caveat ?? null,
      outcome: "no-reply",
      differences: [],
      refusal: null,
      client: null,
      expectations: [],
      files: [],
    };
    let reply: XmlElement | null = null;

    // A call may bring several replies (a read retried, or pages): each is saved and compared.
    const files = report.files;
    replies.forEach((raw, index) => {
      const scrubbed = scrubReply(raw.body, this.secrets);
      const suffix = replies.length > 1 ? `-${index + 1}` : "";
      const file = path.join(this.outDir, `${String(n).padStart(2, "0")}-${command}${suffix}.xml`);
      writeFileSync(file, scrubbed.body, { mode: 0o600 });
      files.push(file);
      const comparison = compareReply(shape, scrubbed.body);
      const which = replies.length > 1 ? `reply ${index + 1} of ${replies.length}: ` : "";
      report.differences.push(
        ...comparison.differences.map((difference) => ({
          ...difference,
          message: `${which}${difference.message}`,
        })),
        ...scrubbed.found.map((where) => ({
          kind: "secret" as const,
          path: "",
          message: `${which}a password reached the check (${where}); it was removed before saving. Mailpak's client must remove it first`,
        })),
      );
      // The last reply is the one the client's result (or error) comes from.
      reply = comparison.root;
      report.refusal = comparison.refused
        ? {
            errors: allAt(comparison.root, "errors").flatMap((errors) =>
              errors.children.map((err) => err.text),
            ),
            numbers: allAt(comparison.root, "responses/response/ResponseNumber")
              .map((number) => Number(number.text))
              .filter(Number.isFinite),
          }
        : null;
    });
    if (files.length > 0) report.outcome = report.differences.length === 0 ? "matches" : "differs";
    const last = replies.at(-1);

    if (error !== null) {
      if (isEnomError(error)) {
        if (!options.expectRefusal && !options.allowRefusal)
          report.client = `eNom refused the command: ${error.message}`;
      } else if (isEnomValidationError(error)) {
        report.client = `Mailpak refused the input before sending (a fault in the check): ${error.message}`;
      } else if (isEnomUnavailable(error)) {
        report.client = last
          ? `could not read eNom's reply: ${error.message}`
          : `eNom did not answer: ${error.message}`;
      } else {
        report.client = `failed: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
    if (options.expectRefusal)
      report.expectations.push({
        ok: report.refusal !== null,
        says: report.refusal
          ? `eNom refused, ${options.expectRefusal}`
          : `eNom should have refused (${options.expectRefusal}), but it did not`,
      });

    if (options.expect) report.expectations.push(...options.expect({ result, reply }));

    this.steps.push(report);
    for (const line of formatStep(report)) this.print(line);
    return { result, error, reply, report };
  }
}
