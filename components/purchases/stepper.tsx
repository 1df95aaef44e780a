import { Check } from "lucide-react";
import { cn } from "@/lib/utils";

/** The wizard's steps; the current one carries aria-current="step". Done steps can be revisited. */
export function Stepper({
  steps,
  current,
  onSelect,
  locked = false,
}: {
  steps: readonly string[];
  current: number;
  onSelect: (index: number) => void;
  /** While submitting, no step can be left. */
  locked?: boolean;
}) {
  return (
    <nav aria-label="Steps" className="mb-6">
      <ol className="flex flex-wrap gap-x-2 gap-y-2 text-sm">
        {steps.map((label, index) => {
          const done = index < current;
          const here = index === current;
          const badge = (
            <span
              aria-hidden="true"
              className={cn(
                "inline-flex size-6 shrink-0 items-center justify-center rounded-full border text-xs font-semibold",
                here && "border-accent bg-accent text-accent-fg",
                done && "border-accent text-accent",
                !here && !done && "border-line text-muted",
              )}
            >
              {done ? <Check className="size-3.5" /> : index + 1}
            </span>
          );
          const text = (
            <>
              {badge}
              <span className={cn(here ? "font-semibold text-fg" : "text-muted")}>
                <span className="sr-only">Step {index + 1}: </span>
                {label}
                {done ? <span className="sr-only"> (done)</span> : null}
              </span>
            </>
          );
          return (
            <li key={label} className="flex items-center gap-2">
              {done && !locked ? (
                <button
                  type="button"
                  onClick={() => onSelect(index)}
                  className="flex items-center gap-2 rounded-md px-1 py-0.5 hover:bg-raised"
                >
                  {text}
                </button>
              ) : (
                <span
                  aria-current={here ? "step" : undefined}
                  className="flex items-center gap-2 px-1 py-0.5"
                >
                  {text}
                </span>
              )}
              {index < steps.length - 1 ? (
                <span aria-hidden="true" className="h-px w-4 bg-line sm:w-8" />
              ) : null}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
