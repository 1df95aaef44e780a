import type { ReactNode } from "react";
import { accentPalette, accentVariables, type ThemeAccent } from "@/lib/branding/contrast";
import { cn } from "@/lib/utils";

function declarations(theme: ThemeAccent): string {
  return Object.entries(accentVariables(theme))
    .map(([name, value]) => `${name}:${value}`)
    .join(";");
}

/**
 * The reseller's accent colour on everything inside: the CSS variables of app/globals.css, set
 * per theme (a colour readable on white is often unreadable on the dark theme). A scoped style
 * element rather than a style attribute, because only a selector can follow the theme; the values
 * are checked #rrggbb colours, never free text.
 */
export function BrandRoot({
  accentColor,
  className,
  children,
}: {
  accentColor: string;
  className?: string;
  children: ReactNode;
}) {
  const palette = accentPalette(accentColor);
  const css = `[data-brand-root]{${declarations(palette.light)}}.dark [data-brand-root]{${declarations(palette.dark)}}`;
  return (
    <div data-brand-root="" className={cn("text-fg", className)}>
      <style>{css}</style>
      {children}
    </div>
  );
}
