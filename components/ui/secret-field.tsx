"use client";

import { CopyButton } from "@/components/ui/copy-button";
import { cn } from "@/lib/utils";

/**
 * A secret shown this once (an API key, a signing secret): read-only, selected whole on focus,
 * with a copy button. The caller says what it is and why it will not be shown again, in the
 * element `hintId` names.
 */
export function SecretField({
  id,
  label,
  labelHidden = false,
  value,
  copyLabel,
  hintId,
  testId,
}: {
  id: string;
  label: string;
  labelHidden?: boolean;
  value: string;
  copyLabel: string;
  hintId: string;
  testId?: string;
}) {
  return (
    <>
      <label htmlFor={id} className={cn("font-semibold", labelHidden && "sr-only")}>
        {label}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={id}
          readOnly
          value={value}
          aria-describedby={hintId}
          data-testid={testId}
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-line bg-surface px-3 py-2 font-mono text-sm text-fg"
        />
        <CopyButton value={value} label={copyLabel} />
      </div>
    </>
  );
}
