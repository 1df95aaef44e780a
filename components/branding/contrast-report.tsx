import { CircleCheck, TriangleAlert } from "lucide-react";
import { AA_TEXT, formatRatio, type AccentPalette } from "@/lib/branding/contrast";

/**
 * How readable the picked colour is (WCAG AA asks 4.5:1 for text), and what the portal does about
 * it: button text is chosen for the colour, and links use a darker or lighter shade where needed.
 */
export function ContrastReport({ picked, palette }: { picked: string; palette: AccentPalette }) {
  const { report } = palette;
  const buttonTextName = report.buttonText.colour === "#ffffff" ? "white" : "dark";
  const checks = [
    {
      ok: report.buttonText.ratio >= AA_TEXT,
      text: `Button text: ${buttonTextName} on ${picked}, ${formatRatio(report.buttonText.ratio)}.`,
    },
    {
      ok: report.onWhite >= AA_TEXT,
      text:
        report.onWhite >= AA_TEXT
          ? `As text on white: ${formatRatio(report.onWhite)}.`
          : `As text on white: ${formatRatio(report.onWhite)}, below 4.5:1. The light theme uses the darker shade ${palette.light.accent} for links and buttons.`,
    },
    {
      ok: report.onDark >= AA_TEXT,
      text:
        report.onDark >= AA_TEXT
          ? `As text on the dark theme: ${formatRatio(report.onDark)}.`
          : `As text on the dark theme: ${formatRatio(report.onDark)}, below 4.5:1. The dark theme uses the lighter shade ${palette.dark.accent}.`,
    },
  ];
  return (
    <ul aria-label="Contrast of the accent colour" className="flex flex-col gap-1 text-sm">
      {checks.map((check) => (
        <li key={check.text} className="flex items-start gap-2">
          {check.ok ? (
            <CircleCheck aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-success" />
          ) : (
            <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-warning" />
          )}
          <span>
            <span className="sr-only">{check.ok ? "Passes: " : "Adjusted: "}</span>
            {check.text}
          </span>
        </li>
      ))}
    </ul>
  );
}
