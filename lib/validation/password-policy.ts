/**
 * The panel password policy (Mailpak's own users, not mailboxes), once, for the browser's strength
 * meter and the server actions alike: 12 to 128 characters, not built from the person's email
 * address, name or the product's name, and hard to guess by zxcvbn's estimate (score 3 of 4 or
 * more), with that person's details as zxcvbn's "user inputs".
 *
 * zxcvbn and its dictionaries (about a megabyte) are loaded on first use with a dynamic import, so
 * a page that imports the account schemas does not carry them.
 */

export const PANEL_PASSWORD_MIN = 12;
export const PANEL_PASSWORD_MAX = 128;
/** zxcvbn's 0–4 score: 3 is "safely unguessable" (about 10^8 guesses or more) in its own terms. */
export const PANEL_PASSWORD_MIN_SCORE = 3;

/**
 * What a password must not be built from: the person's email address and name, the brand's
 * product and company names. Empty entries are ignored, so callers pass what they have.
 */
export type PasswordUserInputs = readonly (string | null | undefined)[];

/**
 * Always among zxcvbn's inputs: the panel's own name. Only guessed, not refused. (This module runs
 * in the portal's browser too, which never names the panel's upstream.)
 */
const ALWAYS_GUESSED = ["mailpak"];
/** A person's detail shorter than this is not refused as part of a password ("Al" in "Always"). */
const MIN_REFUSED_PART = 4;

export type PasswordScore = 0 | 1 | 2 | 3 | 4;

export interface PasswordAssessment {
  /** zxcvbn's score; 0 when a rule (length, personal details) already refuses the password. */
  score: PasswordScore;
  accepted: boolean;
  /** Why the password is refused, written for the person; null when accepted. */
  problem: string | null;
  /** zxcvbn's warning and suggestions, as short help. */
  warning: string | null;
  suggestions: string[];
}

/** Letters and digits only, lower case: "Acme Mail" and "acme-mail" are both "acmemail". */
function squash(value: string): string {
  return value.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

function present(inputs: PasswordUserInputs): string[] {
  return inputs.map((input) => (input ?? "").trim()).filter((input) => input.length > 0);
}

function localPart(email: string): string {
  return email.slice(0, email.lastIndexOf("@"));
}

/** zxcvbn's user inputs: each detail whole, squashed and in its words; an email's local part too. */
export function zxcvbnUserInputs(inputs: PasswordUserInputs): string[] {
  const words = new Set<string>(ALWAYS_GUESSED);
  for (const input of present(inputs)) {
    const lower = input.toLowerCase();
    const whole = lower.includes("@") ? localPart(lower) : lower;
    if (lower.includes("@")) words.add(lower);
    words.add(whole);
    words.add(squash(whole));
    for (const word of whole.split(/[^\p{L}\p{N}]+/u)) if (word.length >= 3) words.add(word);
  }
  words.delete("");
  return [...words];
}

export function passwordLengthProblem(password: string): string | null {
  if (password.length < PANEL_PASSWORD_MIN) return `Use at least ${PANEL_PASSWORD_MIN} characters.`;
  if (password.length > PANEL_PASSWORD_MAX) return `Use at most ${PANEL_PASSWORD_MAX} characters.`;
  return null;
}

/** A password that contains the person's email address (its local part), name or the product's name. */
export function passwordPersonalProblem(password: string, inputs: PasswordUserInputs): string | null {
  const squashedPassword = squash(password);
  for (const input of present(inputs)) {
    const isEmail = input.includes("@");
    const part = isEmail ? localPart(input) : input;
    const squashed = squash(part);
    if (squashed.length < MIN_REFUSED_PART || !squashedPassword.includes(squashed)) continue;
    return isEmail
      ? `This password contains your email address (“${part}”); choose one without it.`
      : `This password contains “${part}”; choose one without your name or the product's name.`;
  }
  return null;
}

/** The rules that need no dictionary: length and personal details. Null when both pass. */
export function passwordRuleProblem(password: string, inputs: PasswordUserInputs): string | null {
  return passwordLengthProblem(password) ?? passwordPersonalProblem(password, inputs);
}

type Zxcvbn = (typeof import("./zxcvbn"))["zxcvbn"];
let zxcvbnLoading: Promise<Zxcvbn> | undefined;

/** Loads zxcvbn once per page (or server process); a failed load is retried next time. */
function loadZxcvbn(): Promise<Zxcvbn> {
  zxcvbnLoading ??= import("./zxcvbn").then(
    (module) => module.zxcvbn,
    (error: unknown) => {
      zxcvbnLoading = undefined;
      throw error;
    },
  );
  return zxcvbnLoading;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The refusal for a guessable password: zxcvbn's warning, then its first suggestion. */
export function easyToGuessMessage(warning: string | null, suggestions: readonly string[]): string {
  const why = warning ? lowerFirst(warning) : "it is short or made of common patterns.";
  const advice = suggestions[0] ?? "Add another word or two; uncommon words are better.";
  return `This password is easy to guess: ${why} ${advice}`;
}

/** The whole policy, with zxcvbn's help for the meter. */
export async function assessPassword(
  password: string,
  inputs: PasswordUserInputs,
): Promise<PasswordAssessment> {
  const ruleProblem = passwordRuleProblem(password, inputs);
  // zxcvbn's feedback is useful even when a rule refuses (too short), but a password beyond the
  // maximum is not worth estimating.
  if (password.length > PANEL_PASSWORD_MAX || password.length === 0)
    return { score: 0, accepted: false, problem: ruleProblem, warning: null, suggestions: [] };
  const zxcvbn = await loadZxcvbn();
  const result = zxcvbn.check(password, zxcvbnUserInputs(inputs));
  const warning = result.feedback.warning || null;
  const suggestions = result.feedback.suggestions;
  const score = ruleProblem ? 0 : result.score;
  const guessable = score < PANEL_PASSWORD_MIN_SCORE;
  const problem = ruleProblem ?? (guessable ? easyToGuessMessage(warning, suggestions) : null);
  return { score, accepted: problem === null, problem, warning, suggestions };
}

/**
 * The server's check, after the schema (which checks the length alone): null when the password
 * may be used, otherwise the message for the password field.
 */
export async function checkPasswordAgainst(
  password: string,
  inputs: PasswordUserInputs,
): Promise<string | null> {
  return (await assessPassword(password, inputs)).problem;
}
