"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ActionResult, FieldErrors } from "@/lib/actions/result";

export interface UseActionOptions<I, T> {
  /**
   * Shows the change before the server answers; returns how to undo it, which runs when the action
   * fails (or cannot be reached).
   */
  optimistic?: (input: I) => (() => void) | void;
  onSuccess?: (data: T, result: Extract<ActionResult<T>, { ok: true }>) => void;
}

export interface ActionState<I, T> {
  /** Runs the action; a second call while one is in flight is ignored (returns null). */
  run: (input: I) => Promise<ActionResult<T> | null>;
  pending: boolean;
  /** The last failure's message for the user, or null. */
  error: string | null;
  /** The last failure's errors by field name (`request.quantity` is also `quantity`). */
  fieldErrors: FieldErrors;
  reset: () => void;
}

const UNREACHABLE = "The panel did not answer. Check your connection and try again.";
const unreachable = new WeakSet<object>();

/**
 * True when the action could not be reached or its answer was lost: it may have run all the
 * same, so a write that must not happen twice is retried with the same idempotency key.
 */
export function wasUnreachable(result: ActionResult<unknown>): boolean {
  return unreachable.has(result);
}

/**
 * The one way a component calls a server action: it owns the pending flag (a ref too, so a double
 * click in the same frame sends once), the failure message and field errors, and an optimistic
 * change undone on failure.
 */
export function useAction<I, T>(
  action: (input: I) => Promise<ActionResult<T>>,
  options: UseActionOptions<I, T> = {},
): ActionState<I, T> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const inFlight = useRef(false);
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  const run = useCallback(
    async (input: I): Promise<ActionResult<T> | null> => {
      if (inFlight.current) return null;
      inFlight.current = true;
      setPending(true);
      const undo = latest.current.optimistic?.(input);
      let result: ActionResult<T>;
      try {
        result = await action(input);
      } catch {
        result = { ok: false, message: UNREACHABLE };
        unreachable.add(result);
      } finally {
        inFlight.current = false;
        setPending(false);
      }
      if (result.ok) {
        setError(null);
        setFieldErrors({});
        latest.current.onSuccess?.(result.data, result);
      } else {
        undo?.();
        setError(result.message);
        setFieldErrors(byFieldName(result.fieldErrors));
      }
      return result;
    },
    [action],
  );

  const reset = useCallback(() => {
    setError(null);
    setFieldErrors({});
  }, []);

  return { run, pending, error, fieldErrors, reset };
}

/** Errors keyed by their full path and by the field's own name, for forms that nest a request. */
function byFieldName(errors: FieldErrors | undefined): FieldErrors {
  const found: FieldErrors = {};
  for (const [path, messages] of Object.entries(errors ?? {})) {
    if (!messages) continue;
    found[path] = messages;
    const name = path.split(".").at(-1);
    if (name && name !== path) found[name] = [...(found[name] ?? []), ...messages];
  }
  return found;
}
