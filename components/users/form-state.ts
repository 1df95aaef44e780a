import { useCallback, useMemo, useState } from "react";
import type { z } from "zod";
import { useAction, type ActionState, type UseActionOptions } from "@/components/use-action";
import type { ActionResult, FieldErrors } from "@/lib/actions/result";

/** A value of a plain form-values record as text (an absent or repeated field is the fallback). */
export function textOf(values: Record<string, string | string[]>, key: string, fallback = ""): string {
  const value = values[key];
  return typeof value === "string" ? value : fallback;
}

const CORRECT_FIELDS = "Please correct the highlighted fields.";

/** A schema's refusal as the server's envelope words it: one message, the errors by field path. */
function refusalOf(error: z.ZodError): ActionResult<never> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues)
    (fieldErrors[issue.path.map(String).join(".") || "form"] ??= []).push(issue.message);
  return { ok: false, message: CORRECT_FIELDS, fieldErrors };
}

/**
 * Checks the input with the action's own schema before sending it, so a mistake is shown at once;
 * the server checks again.
 */
export function checkInBrowser(schema: z.ZodType, input: unknown): ActionResult<never> | null {
  const parsed = schema.safeParse(input);
  return parsed.success ? null : refusalOf(parsed.error);
}

/**
 * The action behind the browser's check: input its schema refuses is answered here, in the
 * server's words, and nothing is sent. What passes is sent as typed, not as parsed (the server
 * parses it again). Async-safe, for a schema whose rules load on first use.
 */
export function checkedFirst<I, T>(
  schema: z.ZodType,
  action: (input: I) => Promise<ActionResult<T>>,
): (input: I) => Promise<ActionResult<T>> {
  return async (input) => {
    const parsed = await schema.safeParseAsync(input);
    return parsed.success ? action(input) : refusalOf(parsed.error);
  };
}

/** The ActionResult's field errors, if it failed. */
export function fieldErrorsOf<T>(result: ActionResult<T> | null): FieldErrors | undefined {
  return result && !result.ok ? result.fieldErrors : undefined;
}

export interface FormActionState<I, T> extends ActionState<I, T> {
  /** The last answer, the browser's own refusal included, for the form's message; null before any. */
  result: ActionResult<T> | null;
}

/**
 * A form's submit through the one `useAction` (pending, errors, a lost answer): the action's
 * schema checks the typed input in the browser first, and the last answer is kept for the form's
 * message and for what it shows once done (a temporary password, recovery codes).
 */
export function useFormAction<S extends z.ZodType, T>(
  schema: S,
  action: (input: z.input<S>) => Promise<ActionResult<T>>,
  options: UseActionOptions<z.input<S>, T> = {},
): FormActionState<z.input<S>, T> {
  const [result, setResult] = useState<ActionResult<T> | null>(null);
  const checked = useMemo(() => checkedFirst(schema, action), [schema, action]);
  const state = useAction(checked, options);
  const { run: runAction, reset: resetAction } = state;
  const run = useCallback(
    async (input: z.input<S>) => {
      const answer = await runAction(input);
      // null: a second submit while the first was on its way, which sent nothing.
      if (answer) setResult(answer);
      return answer;
    },
    [runAction],
  );
  const reset = useCallback(() => {
    resetAction();
    setResult(null);
  }, [resetAction]);
  return { ...state, run, reset, result };
}
