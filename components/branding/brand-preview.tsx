import type { CSSProperties } from "react";
import { accentVariables, type AccentPalette } from "@/lib/branding/contrast";

/** The theme colours of app/globals.css, so each preview shows one theme whatever the panel's. */
const THEMES = {
  light: {
    "--color-canvas": "#f7f8fa",
    "--color-surface": "#ffffff",
    "--color-raised": "#f1f3f6",
    "--color-fg": "#14171c",
    "--color-muted": "#4f5866",
    "--color-line": "#d9dde3",
  },
  dark: {
    "--color-canvas": "#0f1216",
    "--color-surface": "#161a20",
    "--color-raised": "#1d232b",
    "--color-fg": "#e8ebef",
    "--color-muted": "#a3acb9",
    "--color-line": "#2c343f",
  },
} as const;

/**
 * The portal's header as the customers will see it, in the light and the dark theme, redrawn as
 * the admin types. Decorative copies: hidden from screen readers, which hear the contrast report.
 */
export function BrandPreview({
  productName,
  logoUrl,
  palette,
}: {
  productName: string;
  logoUrl: string | null;
  palette: AccentPalette;
}) {
  return (
    <div aria-hidden="true" className="grid gap-3 lg:grid-cols-2">
      {(["light", "dark"] as const).map((theme) => (
        <div
          key={theme}
          style={{ ...THEMES[theme], ...accentVariables(palette[theme]) } as CSSProperties}
          className="overflow-hidden rounded-lg border border-line bg-canvas text-fg"
        >
          <div className="flex h-12 items-center gap-2 border-b border-line bg-surface px-3">
            {logoUrl ? (
              // eslint-disable-next-line @next/next/no-img-element -- a preview of the uploaded logo
              <img src={logoUrl} alt="" className="h-7 w-auto max-w-[8rem] object-contain" />
            ) : (
              <span className="truncate font-semibold">{productName || "Your product name"}</span>
            )}
            <span className="ml-auto text-xs text-muted">
              {theme === "light" ? "Light theme" : "Dark theme"}
            </span>
          </div>
          <div className="flex items-center gap-1 border-b border-line bg-surface px-2 py-1 text-xs">
            <span className="rounded-md bg-accent-soft px-2 py-1 font-medium">Domains</span>
            <span className="px-2 py-1 text-muted">Team</span>
          </div>
          <div className="flex flex-wrap items-center gap-3 p-3 text-sm">
            <span className="inline-flex h-8 items-center rounded-md bg-accent px-3 font-medium text-accent-fg">
              Add mailboxes
            </span>
            <span className="text-accent underline underline-offset-2">Renew now</span>
          </div>
        </div>
      ))}
    </div>
  );
}
