import "server-only";

/**
 * The three ways an eNom call ends other than with a result. Every message and property is built
 * from safe fields only (command, eNom's error texts with secrets scrubbed, TrackingKey, reason):
 * no error carries the request's parameters, and `cause` is a sanitised copy, never the original.
 */

/**
 * Every route bundle of the Next server may load its own copy of this module, while the client
 * (and so every error it throws) is one per process: `instanceof` asks for a brand shared by all
 * copies, not for one copy's class.
 */
const BRANDS = {
  EnomError: Symbol.for("mailpak.enom.EnomError"),
  EnomUnavailable: Symbol.for("mailpak.enom.EnomUnavailable"),
  EnomValidationError: Symbol.for("mailpak.enom.EnomValidationError"),
} as const;

function brand(error: Error, name: keyof typeof BRANDS): void {
  Object.defineProperty(error, BRANDS[name], { value: true });
}

function hasBrand(value: unknown, name: keyof typeof BRANDS): boolean {
  return (
    typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRANDS[name]] === true
  );
}

/** eNom answered and said no (ErrCount > 0). Safe to retry only after fixing what it says. */
export class EnomError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(value, "EnomError");
  }

  override readonly name = "EnomError";
  /** eNom's command name, as Mailpak sent it (e.g. `SetUpPOP3User`). */
  readonly command: string;
  /** Err1..ErrN in order: eNom says they "can be presented as is back to the client". */
  readonly errors: readonly string[];
  /** The GUID to quote to eNom support; null when the reply had none. */
  readonly trackingKey: string | null;

  constructor(init: { command: string; errors: readonly string[]; trackingKey: string | null }) {
    const texts = init.errors.length > 0 ? init.errors.join("; ") : "no reason given";
    const key = init.trackingKey ? ` (TrackingKey ${init.trackingKey})` : "";
    super(`eNom refused ${init.command}: ${texts}${key}`);
    brand(this, "EnomError");
    this.command = init.command;
    this.errors = [...init.errors];
    this.trackingKey = init.trackingKey;
  }

  /** A record for the audit log. */
  toJSON() {
    return { name: this.name, command: this.command, errors: this.errors, trackingKey: this.trackingKey };
  }
}

export type UnavailableReason =
  | "queue-timeout" // waited too long for a free connection slot; nothing was sent
  | "connect" // could not reach eNom (refused, DNS); nothing was sent
  | "network" // the connection broke after the request may have left
  | "timeout" // no complete answer in time
  | "aborted" // the caller gave up
  | "http-status" // eNom (or a proxy) answered with an HTTP error
  | "too-large" // the answer was bigger than any real eNom reply
  | "unparseable" // not an eNom reply we can read
  | "incomplete"; // an eNom reply without `Done` or `ErrCount`: it did not all arrive

/**
 * `not-sent`: the request never left, so eNom did nothing and the call may be made again.
 * `unknown`: eNom may have acted; for a write, check (e.g. GetPOP3) before trying again.
 */
export type UnavailableOutcome = "not-sent" | "unknown";

/** eNom could not be asked, or its answer could not be trusted. */
export class EnomUnavailable extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(value, "EnomUnavailable");
  }

  override readonly name = "EnomUnavailable";
  readonly command: string;
  readonly kind: "read" | "write";
  readonly reason: UnavailableReason;
  readonly outcome: UnavailableOutcome;
  /** How many times the request was sent (reads retry; writes never do). */
  readonly attempts: number;
  readonly httpStatus: number | null;
  readonly trackingKey: string | null;

  constructor(init: {
    command: string;
    kind: "read" | "write";
    reason: UnavailableReason;
    outcome: UnavailableOutcome;
    detail: string;
    attempts?: number;
    httpStatus?: number | null;
    trackingKey?: string | null;
    cause?: SafeCause;
  }) {
    const effect =
      init.outcome === "not-sent"
        ? "nothing was sent"
        : init.kind === "write"
          ? "eNom may have acted: check before trying again"
          : "the read may be tried again";
    super(`eNom unavailable for ${init.command} (${init.reason}: ${init.detail}); ${effect}`, {
      cause: init.cause,
    });
    brand(this, "EnomUnavailable");
    this.command = init.command;
    this.kind = init.kind;
    this.reason = init.reason;
    this.outcome = init.outcome;
    this.attempts = init.attempts ?? 1;
    this.httpStatus = init.httpStatus ?? null;
    this.trackingKey = init.trackingKey ?? null;
  }

  toJSON() {
    return {
      name: this.name,
      command: this.command,
      kind: this.kind,
      reason: this.reason,
      outcome: this.outcome,
      attempts: this.attempts,
      httpStatus: this.httpStatus,
      trackingKey: this.trackingKey,
      message: this.message,
    };
  }
}

export type ValidationIssue = { path: string; message: string };

/** The input was refused before anything was sent to eNom. */
export class EnomValidationError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(value, "EnomValidationError");
  }

  override readonly name = "EnomValidationError";
  readonly command: string;
  /** One per problem: the field's path (`users.0.password`) and a message for the reseller. */
  readonly issues: readonly ValidationIssue[];

  constructor(command: string, issues: readonly ValidationIssue[]) {
    const list = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
    super(`Invalid input for ${command}: ${list.join("; ")}`);
    brand(this, "EnomValidationError");
    this.command = command;
    this.issues = issues.map((issue) => ({ ...issue }));
  }

  toJSON() {
    return { name: this.name, command: this.command, issues: this.issues };
  }
}

/**
 * The low-level failure behind an EnomUnavailable (undici's error, a parse error), reduced to
 * its name, code and a scrubbed message: the original may hold the request it failed on.
 */
export class SafeCause extends Error {
  override readonly name: string;
  readonly code: string | undefined;

  constructor(init: { name: string; message: string; code?: string }) {
    super(init.message);
    this.name = init.name;
    this.code = init.code;
    this.stack = `${init.name}: ${init.message}`; // the original stack is not ours to carry along
  }
}

export function isEnomError(error: unknown): error is EnomError {
  return error instanceof EnomError;
}

export function isEnomUnavailable(error: unknown): error is EnomUnavailable {
  return error instanceof EnomUnavailable;
}

export function isEnomValidationError(error: unknown): error is EnomValidationError {
  return error instanceof EnomValidationError;
}
