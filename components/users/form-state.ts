import { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";

/**
 * What a form remembers between submissions: the last result and what was typed, so an error
 * does not wipe the form (React resets a form after its action; inputs then take these values as
 * their defaults). Passwords are never kept.
 */
export interface FormState<T> {
  result: ActionResult<T> | null;
  values: Record<string, string | string[]>;
}

export function initialFormState<T>(): FormState<T> {
  return { result: null, values: {} };
}

const SECRET_FIELDS = /pass/i;

export function keptValues(input: Record<string, string | string[]>): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(input).filter(([key]) => !SECRET_FIELDS.test(key)));
}

export function textOf(values: Record<string, string | string[]>, key: string, fallback = ""): string {
  const value = values[key];
  return typeof value === "string" ? value : fallback;
}

/**
 * Checks the input with the action's own schema before sending it, so a mistake is shown at once;
 * the server checks again.
 */
export function checkInBrowser(schema: z.ZodType, input: unknown): ActionResult<never> | null {
  const parsed = schema.safeParse(input);
  if (parsed.success) return null;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues)
    (fieldErrors[issue.path.map(String).join(".") || "form"] ??= []).push(issue.message);
  return { ok: false, message: "Please correct the highlighted fields.", fieldErrors };
}

/** The ActionResult's field errors, if it failed. */
export function fieldErrorsOf<T>(
  result: ActionResult<T> | null,
): Record<string, string[] | undefined> | undefined {
  return result && !result.ok ? result.fieldErrors : undefined;
}
