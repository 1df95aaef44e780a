"use client";

import type { FormEvent, ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Why the step on screen cannot go on, for the user; null when nothing went wrong. */
export type WizardProblem = { title: string; message: string } | null;

/** A step's frame: a form (Enter continues), the failure alert, and Back / Continue. */
export function WizardStepForm({
  label,
  children,
  problem,
  onBack,
  onContinue,
  continueLabel = "Continue",
  continueDisabled = false,
  footer,
}: {
  label: string;
  children: ReactNode;
  problem: WizardProblem;
  onBack?: () => void;
  onContinue?: () => void;
  continueLabel?: string;
  continueDisabled?: boolean;
  /** Replaces the Continue button (the last step's own button). */
  footer?: ReactNode;
}) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!continueDisabled) onContinue?.();
  };
  return (
    <form aria-label={label} onSubmit={submit} noValidate className="flex flex-col gap-6">
      {children}
      {/* Next to the button just pressed, and announced at once. */}
      {problem ? (
        <Alert tone="danger" title={problem.title}>
          {problem.message}
        </Alert>
      ) : null}
      <div className="flex flex-wrap items-center gap-3 border-t border-line pt-4">
        {onBack ? (
          <Button variant="secondary" onClick={onBack}>
            Back
          </Button>
        ) : null}
        {footer ??
          (onContinue ? (
            <Button type="submit" disabled={continueDisabled}>
              {continueLabel}
            </Button>
          ) : null)}
      </div>
    </form>
  );
}

/** Field errors of an action (`request.quantity`) or a schema (`quantity`), by field name. */
export function fieldErrorsByName(
  fieldErrors: Record<string, string[] | undefined> | undefined,
): Record<string, string[] | undefined> {
  const byName: Record<string, string[] | undefined> = {};
  for (const [path, messages] of Object.entries(fieldErrors ?? {})) {
    const name = path.split(".").at(-1) ?? path;
    byName[name] = [...(byName[name] ?? []), ...(messages ?? [])];
  }
  return byName;
}

/** A failure's message, saying (unless it already does) that nothing happened and the choices stay. */
export function withReassurance(message: string, done: "bought" | "renewed"): string {
  if (/nothing was|choices are kept/i.test(message)) return message;
  return `${message.replace(/\.?\s*$/, ".")} Nothing was ${done}; your choices are kept.`;
}

/** Why the review step shows no price: the quote's own failure, for the user. */
export function quoteProblem(error: Error | null): WizardProblem {
  return error ? { title: "The price could not be worked out", message: error.message } : null;
}

/**
 * The order went out but no answer came back: it may have been placed. The same choices submitted
 * again carry the same idempotency key, so the server answers with that order instead of a second.
 */
export function unansweredProblem(done: "bought" | "renewed"): NonNullable<WizardProblem> {
  return {
    title: "No answer from the panel",
    message: `We could not tell whether anything was ${done}. Check your connection and submit again: the same order is never placed twice.`,
  };
}
