"use client";

import { useEffect, useId, useState } from "react";
import { useDebouncedValue } from "@/components/use-debounced-value";
import { cn } from "@/lib/utils";
import { assessPassword, type PasswordAssessment } from "@/lib/validation/password-policy";

type Level = { label: string; segments: number; tone: string };

const LEVELS: Record<"tooWeak" | "weak" | "fair" | "strong", Level> = {
  tooWeak: { label: "Too weak", segments: 1, tone: "bg-danger" },
  weak: { label: "Weak", segments: 2, tone: "bg-warning" },
  fair: { label: "Fair", segments: 3, tone: "bg-success" },
  strong: { label: "Strong", segments: 4, tone: "bg-success" },
};

/** Fair is the policy's floor (zxcvbn score 3): anything below it is refused on saving. */
function levelOf(assessment: PasswordAssessment): Level {
  if (!assessment.accepted) return assessment.score === 2 ? LEVELS.weak : LEVELS.tooWeak;
  return assessment.score >= 4 ? LEVELS.strong : LEVELS.fair;
}

/**
 * A strength meter for a new panel password: four segments, a word (Too weak, Weak, Fair, Strong),
 * and the policy's reason or zxcvbn's advice as short help, read out politely as it changes.
 * `userInputs` are the person's email and name and the product's name: what the server's policy
 * refuses in a password, and what zxcvbn rates as easy to guess. zxcvbn loads on first use.
 * `fieldErrors` are what the password field already says under it: the meter does not say them twice.
 */
export function PasswordStrength({
  password,
  userInputs,
  fieldErrors,
}: {
  password: string;
  userInputs: string[];
  fieldErrors?: readonly string[];
}) {
  const id = useId();
  const settled = useDebouncedValue(password, 150);
  // A new array each render must not re-run the estimate: the inputs' text is what matters.
  const inputsKey = JSON.stringify(userInputs);
  const [result, setResult] = useState<{ password: string; assessment: PasswordAssessment } | null>(null);
  const [unavailable, setUnavailable] = useState(false);

  useEffect(() => {
    if (!settled) return;
    let current = true;
    assessPassword(settled, JSON.parse(inputsKey) as string[]).then(
      (assessment) => {
        if (current) {
          setUnavailable(false);
          setResult({ password: settled, assessment });
        }
      },
      () => {
        if (current) setUnavailable(true);
      },
    );
    return () => {
      current = false;
    };
  }, [settled, inputsKey]);

  // Only the latest password's estimate is shown; while typing, the meter waits.
  const assessment = password && result?.password === password ? result.assessment : null;
  const level = assessment ? levelOf(assessment) : null;
  const help = assessment
    ? [
        assessment.problem ?? assessment.warning,
        ...(assessment.problem ? [] : assessment.suggestions.slice(0, 1)),
      ]
    : [];

  return (
    <div className="space-y-1" data-testid="password-strength">
      <div
        role="meter"
        aria-labelledby={`${id}-label`}
        aria-valuemin={0}
        aria-valuemax={4}
        aria-valuenow={level?.segments ?? 0}
        aria-valuetext={level?.label ?? "Not rated yet"}
        className="grid grid-cols-4 gap-1"
      >
        {[1, 2, 3, 4].map((segment) => (
          <span
            key={segment}
            className={cn(
              "h-1.5 rounded-full",
              level && segment <= level.segments ? level.tone : "bg-raised",
            )}
          />
        ))}
      </div>
      <div aria-live="polite" className="text-xs">
        <p id={`${id}-label`} className="font-medium">
          Password strength
          {level ? (
            <>
              : <span className={assessment?.accepted ? "text-success" : "text-danger"}>{level.label}</span>
            </>
          ) : null}
        </p>
        {unavailable ? (
          <p className="text-muted">The strength check could not load; it runs again when you save.</p>
        ) : null}
        {help
          .filter((line): line is string => Boolean(line) && !fieldErrors?.includes(line ?? ""))
          .map((line) => (
            <p key={line} className="text-muted">
              {line}
            </p>
          ))}
      </div>
    </div>
  );
}
