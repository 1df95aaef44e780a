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

/** One `responses/response` of an error reply: eNom's number for the error and its words. */
export type EnomResponse = { number: number | null; text: string | null; description: string | null };

/**
 * What an eNom error means for the reseller, from its ResponseNumber (api-error-codes.md and
 * ../shared/enom-samples) or, where eNom sent none, its Err text:
 * - `bad-login` 304155 "Bad User name or Password": fix ENOM_UID / ENOM_PW (or the API token);
 * - `ip-not-allowed` 713254 "User not permitted from this IP address": allow the server's IP at eNom;
 * - `domain-not-found` 316153;
 * - `password-rejected` 48: the password contains the user name or other account information;
 * - `transient` 20 "Try again later", 25 "Failed to obtain provisioning lock … retry";
 * - null: anything else (eNom's own words are shown).
 */
export type EnomErrorCode =
  "bad-login" | "ip-not-allowed" | "domain-not-found" | "password-rejected" | "transient";

const CODES_BY_NUMBER: ReadonlyMap<number, EnomErrorCode> = new Map([
  [304155, "bad-login"],
  [713254, "ip-not-allowed"],
  [316153, "domain-not-found"],
  [48, "password-rejected"],
  [20, "transient"],
  // api-error-codes.md: 22 "Requested object temporarily unavailable, try again later", same advice as 25.
  [22, "transient"],
  [25, "transient"],
]);

/** eNom's words for the same errors, for replies without a ResponseNumber (error-ip.xml). */
const CODES_BY_TEXT: ReadonlyArray<[RegExp, EnomErrorCode]> = [
  [/bad user ?name or password/i, "bad-login"],
  [/not permitted from this ip address/i, "ip-not-allowed"],
  [/domain name not found/i, "domain-not-found"],
  [/password rejected/i, "password-rejected"],
  [/try again later|provisioning lock/i, "transient"],
];

/** The reseller-facing meaning of an eNom error: its numbers first, then its words. */
export function enomErrorCodeOf(
  responses: readonly EnomResponse[],
  errors: readonly string[],
): EnomErrorCode | null {
  for (const response of responses) {
    const code = response.number === null ? undefined : CODES_BY_NUMBER.get(response.number);
    if (code) return code;
  }
  const words = [...errors, ...responses.flatMap((r) => [r.text ?? "", r.description ?? ""])];
  for (const [pattern, code] of CODES_BY_TEXT) if (words.some((text) => pattern.test(text))) return code;
  return null;
}

/** eNom refusing Mailpak itself, not one request: what the reseller must fix, in eNom's terms. */
export type EnomAccessProblem = {
  code: "bad-login" | "ip-not-allowed";
  /** The server's IP address as eNom reported it (`… from this IP address - <ip>`), when it did. */
  ip: string | null;
  /** For staff and the log: exactly what to fix. */
  fix: string;
};

export function accessProblemOf(
  code: EnomErrorCode | null,
  errors: readonly string[],
): EnomAccessProblem | null {
  if (code === "bad-login")
    return {
      code,
      ip: null,
      fix: "eNom refused Mailpak's login: check ENOM_UID and ENOM_PW (or the API token)",
    };
  if (code === "ip-not-allowed") {
    const ip =
      errors
        .map((text) => /IP address\s*-\s*(\S+)/i.exec(text)?.[1])
        .find((found): found is string => found !== undefined) ?? null;
    return {
      code,
      ip,
      fix: `eNom does not accept calls from this server's IP address${ip ? ` ${ip}` : ""}: allow it in eNom's API settings`,
    };
  }
  return null;
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
  /** `responses/response`: eNom's numbers for the error (ResponseNumber) and their words. */
  readonly responses: readonly EnomResponse[];
  /** What the error means for the reseller (EnomErrorCode), or null: then eNom's own words are all there is. */
  readonly code: EnomErrorCode | null;
  /** The GUID to quote to eNom support; null when the reply had none. */
  readonly trackingKey: string | null;

  constructor(init: {
    command: string;
    errors: readonly string[];
    trackingKey: string | null;
    responses?: readonly EnomResponse[];
  }) {
    const responses = (init.responses ?? []).map((r) => ({ ...r }));
    const code = enomErrorCodeOf(responses, init.errors);
    const texts = init.errors.length > 0 ? init.errors.join("; ") : "no reason given";
    const numbers = responses.flatMap((r) => (r.number === null ? [] : [r.number]));
    const numbered = numbers.length > 0 ? ` [${numbers.join(", ")}]` : "";
    const fix = accessProblemOf(code, init.errors)?.fix;
    const key = init.trackingKey ? ` (TrackingKey ${init.trackingKey})` : "";
    super(`eNom refused ${init.command}: ${texts}${numbered}${fix ? `. ${fix}` : ""}${key}`);
    brand(this, "EnomError");
    this.command = init.command;
    this.errors = [...init.errors];
    this.responses = responses;
    this.code = code;
    this.trackingKey = init.trackingKey;
  }

  /** Bad login or IP not allowed: what the reseller must fix; null for any other refusal. */
  get accessProblem(): EnomAccessProblem | null {
    return accessProblemOf(this.code, this.errors);
  }

  /** A record for the audit log. */
  toJSON() {
    return {
      name: this.name,
      command: this.command,
      errors: this.errors,
      responses: this.responses,
      code: this.code,
      trackingKey: this.trackingKey,
    };
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
  | "incomplete" // an eNom reply without `Done` or `ErrCount`: it did not all arrive
  | "unrecognised"; // a whole eNom reply, but not in the shape eNom documents for the command

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
    super(unavailableMessage(init), { cause: init.cause });
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

/**
 * "eNom answered in a form Mailpak does not understand" is a different failure from "eNom is not
 * answering": eNom is up, and retrying will not help. Whoever reads the log needs to know which.
 */
function unavailableMessage(init: {
  command: string;
  kind: "read" | "write";
  reason: UnavailableReason;
  outcome: UnavailableOutcome;
  detail: string;
}): string {
  if (init.reason === "unrecognised") {
    const effect =
      init.kind === "write"
        ? "nothing was changed in Mailpak, but eNom may have acted: check before trying again"
        : "nothing was changed";
    return `eNom answered ${init.command} in a form Mailpak does not understand; ${effect} (${init.detail})`;
  }
  const effect =
    init.outcome === "not-sent"
      ? "nothing was sent"
      : init.kind === "write"
        ? "eNom may have acted: check before trying again"
        : "the read may be tried again";
  return `eNom unavailable for ${init.command} (${init.reason}: ${init.detail}); ${effect}`;
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
