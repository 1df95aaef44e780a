import { describe, expect, it } from "vitest";
import { AA_TEXT, accentPalette, contrastRatio, formatRatio, readableTextOn } from "./contrast";

describe("contrastRatio", () => {
  it("matches WCAG's reference values", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    // #767676 on white is the classic lightest grey that passes AA.
    expect(contrastRatio("#767676", "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio("#777777", "#ffffff")).toBeLessThan(4.5);
  });
});

describe("readableTextOn", () => {
  it("puts white on dark colours and dark text on light ones", () => {
    expect(readableTextOn("#1f5fbf")).toBe("#ffffff");
    expect(readableTextOn("#ffd400")).toBe("#0b1220");
  });
});

describe("accentPalette", () => {
  const palettes = ["#2563eb", "#ffd400", "#00ff00", "#ffffff", "#000000", "#777777", "#e11d48", "#6ea3f5"];

  it.each(palettes)("keeps every theme readable for %s", (colour) => {
    const palette = accentPalette(colour);
    for (const theme of [palette.light, palette.dark]) {
      // Button text on the accent.
      expect(contrastRatio(theme.accent, theme.accentFg)).toBeGreaterThanOrEqual(AA_TEXT);
    }
    // Links on the light theme's white and canvas, and on the dark theme's surfaces.
    for (const background of ["#ffffff", "#f7f8fa", "#f1f3f6"])
      expect(contrastRatio(palette.light.accent, background)).toBeGreaterThanOrEqual(AA_TEXT);
    for (const background of ["#0f1216", "#161a20", "#1d232b"])
      expect(contrastRatio(palette.dark.accent, background)).toBeGreaterThanOrEqual(AA_TEXT);
  });

  it("leaves a colour that already reads well unchanged, and reports it", () => {
    const palette = accentPalette("#1F5FBF");
    expect(palette.light.accent).toBe("#1f5fbf");
    expect(palette.report.onWhite).toBeGreaterThanOrEqual(AA_TEXT);
    expect(palette.report.buttonText.colour).toBe("#ffffff");
  });

  it("darkens a light colour for the light theme and says it fell short", () => {
    const palette = accentPalette("#ffd400");
    expect(palette.report.onWhite).toBeLessThan(AA_TEXT);
    expect(palette.light.accent).not.toBe("#ffd400");
    expect(palette.dark.accent).toBe("#ffd400");
  });

  it("lightens a dark colour for the dark theme", () => {
    const palette = accentPalette("#1e3a8a");
    expect(palette.report.onDark).toBeLessThan(AA_TEXT);
    expect(palette.dark.accent).not.toBe("#1e3a8a");
    expect(palette.light.accent).toBe("#1e3a8a");
  });
});

describe("formatRatio", () => {
  it("rounds down, so a colour just short of 4.5 never shows as 4.5", () => {
    expect(formatRatio(4.4999)).toBe("4.4:1");
    expect(formatRatio(21)).toBe("21.0:1");
  });
});
