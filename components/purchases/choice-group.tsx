"use client";

import { useId, type ReactNode } from "react";
import { cn } from "@/lib/utils";

export interface Choice<T extends string | number> {
  value: T;
  label: ReactNode;
  detail?: ReactNode;
}

/** A radio group as a fieldset with its legend; each choice is a card with an optional detail line. */
export function ChoiceGroup<T extends string | number>({
  legend,
  name,
  value,
  choices,
  onChange,
  columns = 2,
  hint,
}: {
  legend: string;
  name: string;
  value: T;
  choices: readonly Choice<T>[];
  onChange: (value: T) => void;
  columns?: 2 | 4;
  hint?: ReactNode;
}) {
  const hintId = useId();
  return (
    <fieldset aria-describedby={hint ? hintId : undefined}>
      <legend className="mb-2 text-sm font-medium">{legend}</legend>
      <div className={cn("grid gap-2", columns === 4 ? "grid-cols-2 sm:grid-cols-4" : "sm:grid-cols-2")}>
        {choices.map((choice) => {
          const checked = choice.value === value;
          return (
            <label
              key={String(choice.value)}
              className={cn(
                "flex cursor-pointer items-start gap-2 rounded-md border p-3 text-sm",
                checked ? "border-accent bg-accent-soft" : "border-line bg-surface hover:bg-raised",
              )}
            >
              <input
                type="radio"
                name={name}
                value={String(choice.value)}
                checked={checked}
                onChange={() => onChange(choice.value)}
                className="mt-0.5 size-4 accent-[var(--color-accent)]"
              />
              <span>
                <span className="block font-medium">{choice.label}</span>
                {choice.detail ? <span className="block text-xs text-muted">{choice.detail}</span> : null}
              </span>
            </label>
          );
        })}
      </div>
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      ) : null}
    </fieldset>
  );
}
