/**
 * The portal's accent colours, derived from the one colour the reseller picks so that both themes
 * stay readable (WCAG AA, 4.5:1 for text): the text on accent buttons is white or near-black,
 * whichever reads better, and the accent used for links and focus rings is darkened (light theme)
 * or lightened (dark theme) only as far as needed. Pure: used by the portal's layout on the server
 * and by the branding form's live preview in the browser.
 */
export const AA_TEXT = 4.5;

/** The theme backgrounds accent text sits on (app/globals.css): the lighter and darker of each pair. */
const LIGHT_BACKGROUNDS = ["#ffffff", "#f7f8fa", "#f1f3f6"];
const DARK_BACKGROUNDS = ["#0f1216", "#161a20", "#1d232b"];
const LIGHT_TEXT = "#ffffff";
const DARK_TEXT = "#0b1220";

type Rgb = [number, number, number];

function toRgb(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((part) => Math.round(part).toString(16).padStart(2, "0")).join("")}`;
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(hex: string): number {
  const [r, g, b] = toRgb(hex);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio of two #rrggbb colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

/** `from` moved towards `to` by `amount` (0 to 1). */
export function mix(from: string, to: string, amount: number): string {
  const [r1, g1, b1] = toRgb(from);
  const [r2, g2, b2] = toRgb(to);
  const step = (a: number, b: number) => a + (b - a) * amount;
  return toHex([step(r1, r2), step(g1, g2), step(b1, b2)]);
}

/** White or near-black, whichever reads better on `background` (always at least 4.5:1). */
export function readableTextOn(background: string): string {
  return contrastRatio(background, LIGHT_TEXT) >= contrastRatio(background, DARK_TEXT)
    ? LIGHT_TEXT
    : DARK_TEXT;
}

function worstContrast(colour: string, backgrounds: readonly string[]): number {
  return Math.min(...backgrounds.map((background) => contrastRatio(colour, background)));
}

/** The least change of `colour` towards `target` that reaches 4.5:1 on every background. */
function nearestReadable(colour: string, target: string, backgrounds: readonly string[]): string {
  if (worstContrast(colour, backgrounds) >= AA_TEXT) return colour;
  for (let step = 1; step <= 100; step++) {
    const candidate = mix(colour, target, step / 100);
    if (worstContrast(candidate, backgrounds) >= AA_TEXT) return candidate;
  }
  return target;
}

export interface ThemeAccent {
  /** Buttons, links and selected states. */
  accent: string;
  /** Text on accent buttons. */
  accentFg: string;
  /** Tinted backgrounds (badges, info notes). */
  accentSoft: string;
  focus: string;
}

export interface AccentPalette {
  light: ThemeAccent;
  dark: ThemeAccent;
  /** How the picked colour fares, for the branding form. */
  report: {
    /** The picked colour with its automatic button text. */
    buttonText: { colour: string; ratio: number };
    /** The picked colour as text on white; under 4.5 means the light theme uses a darker shade. */
    onWhite: number;
    /** The picked colour as text on the dark theme; under 4.5 means it uses a lighter shade. */
    onDark: number;
  };
}

function themeAccent(accent: string, surface: string, softAmount: number): ThemeAccent {
  return {
    accent,
    accentFg: readableTextOn(accent),
    accentSoft: mix(surface, accent, softAmount),
    focus: accent,
  };
}

export function accentPalette(picked: string): AccentPalette {
  const colour = picked.toLowerCase();
  const light = nearestReadable(colour, "#000000", LIGHT_BACKGROUNDS);
  const dark = nearestReadable(colour, "#ffffff", DARK_BACKGROUNDS);
  const buttonText = readableTextOn(colour);
  return {
    light: themeAccent(light, "#ffffff", 0.12),
    dark: themeAccent(dark, "#161a20", 0.22),
    report: {
      buttonText: { colour: buttonText, ratio: contrastRatio(colour, buttonText) },
      onWhite: worstContrast(colour, LIGHT_BACKGROUNDS),
      onDark: worstContrast(colour, DARK_BACKGROUNDS),
    },
  };
}

/** CSS custom properties of one theme's accent (the names of app/globals.css). */
export function accentVariables(theme: ThemeAccent): Record<string, string> {
  return {
    "--color-accent": theme.accent,
    "--color-accent-fg": theme.accentFg,
    "--color-accent-soft": theme.accentSoft,
    "--color-focus": theme.focus,
  };
}

/** Ratio for people: "4.6:1". */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 10) / 10).toFixed(1)}:1`;
}
