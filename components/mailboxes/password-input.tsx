"use client";

import { Check, Dices, X } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import {
  generateMailboxPassword,
  PASSWORD_RULE_SUMMARY,
  passwordRuleChecks,
} from "@/lib/validation/mailbox-rules";

/**
 * A new mailbox password: typed or generated, with eNom's current rule ticked off as the user
 * types (the same rule the server checks, against the mailbox's name and its domain). Shown in
 * clear text: it is a new password for someone else's mailbox, to be read and passed on, not the
 * user's own secret.
 */
export function PasswordInput({
  label,
  value,
  onChange,
  userName,
  domain,
  errors,
  compact = false,
  labelHidden = false,
  generateLabel = "Generate a password",
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The mailbox's name and its domain, which the password must not contain. */
  userName: string;
  domain: string;
  errors?: string[];
  /** One line of rules still to meet, for the rows of the create dialog. */
  compact?: boolean;
  labelHidden?: boolean;
  /** The generate button's name for screen readers, when several are on screen. */
  generateLabel?: string;
}) {
  const id = useId();
  const rulesId = `${id}-rules`;
  const errorId = `${id}-error`;
  const checks = passwordRuleChecks(value, { userName, domain });
  const unmet = checks.filter((check) => !check.met);
  const hasErrors = Boolean(errors?.length);

  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className={cn("text-sm font-medium", labelHidden && "sr-only")}>
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          type="text"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          aria-describedby={[rulesId, hasErrors ? errorId : ""].filter(Boolean).join(" ")}
          aria-invalid={hasErrors || undefined}
          className="block w-full min-w-0 rounded-md border border-line bg-surface px-3 py-2 font-mono text-sm text-fg aria-[invalid=true]:border-danger"
        />
        <Button
          variant="secondary"
          onClick={() => onChange(generateMailboxPassword({ userName, domain }))}
          aria-label={generateLabel}
          title={generateLabel}
          className={compact ? "px-2" : undefined}
        >
          <Dices aria-hidden="true" className="size-4" />
          {compact ? null : "Generate"}
        </Button>
      </div>
      {compact ? (
        <p id={rulesId} className={cn("text-xs", unmet.length ? "text-muted" : "text-success")}>
          {value === ""
            ? PASSWORD_RULE_SUMMARY
            : unmet.length
              ? sentence(`Still needs: ${unmet.map((check) => check.label.toLowerCase()).join(", ")}`)
              : "Meets the password rules."}
        </p>
      ) : (
        <ul
          id={rulesId}
          aria-label="Password rules"
          className="grid grid-cols-1 gap-x-4 gap-y-0.5 text-xs sm:grid-cols-2"
        >
          {checks.map((check) => (
            <li
              key={check.id}
              className={cn("flex items-center gap-1", check.met ? "text-success" : "text-muted")}
            >
              {check.met ? (
                <Check aria-hidden="true" className="size-3.5" />
              ) : (
                <X aria-hidden="true" className="size-3.5" />
              )}
              {check.label}
              <span className="sr-only">{check.met ? ": met" : ": not met yet"}</span>
            </li>
          ))}
        </ul>
      )}
      <div id={errorId} aria-live="polite">
        {errors?.map((error) => (
          <p key={error} className="text-xs font-medium text-danger">
            {error}
          </p>
        ))}
      </div>
    </div>
  );
}

/** Ends a sentence with one full stop, also when it ends with the rule's own "." symbol. */
function sentence(text: string): string {
  return text.endsWith(".") ? text : `${text}.`;
}
