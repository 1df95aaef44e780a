import { describe, expect, it } from "vitest";
import { isSearchShortcut, type ShortcutEvent } from "./shortcut";

function press(key: string, extra: Partial<ShortcutEvent> = {}): boolean {
  return isSearchShortcut({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    defaultPrevented: false,
    target: null,
    ...extra,
  });
}

const field = (tagName: string, more: Record<string, unknown> = {}) =>
  ({ tagName, ...more }) as unknown as EventTarget;

describe("the search shortcut", () => {
  it("opens on / outside a text field", () => {
    expect(press("/")).toBe(true);
    expect(press("/", { target: field("BUTTON") })).toBe(true);
    expect(press("/", { target: field("INPUT", { type: "checkbox" }) })).toBe(true);
  });

  it("lets / type a slash in a text field", () => {
    expect(press("/", { target: field("INPUT", { type: "text" }) })).toBe(false);
    expect(press("/", { target: field("INPUT") })).toBe(false);
    expect(press("/", { target: field("TEXTAREA") })).toBe(false);
    expect(press("/", { target: field("DIV", { isContentEditable: true }) })).toBe(false);
  });

  it("opens on Ctrl-K and ⌘-K, even in a text field", () => {
    expect(press("k", { ctrlKey: true })).toBe(true);
    expect(press("K", { metaKey: true, target: field("INPUT") })).toBe(true);
  });

  it("ignores other keys, plain K, Alt combinations and handled presses", () => {
    expect(press("k")).toBe(false);
    expect(press("?")).toBe(false);
    expect(press("k", { ctrlKey: true, altKey: true })).toBe(false);
    expect(press("/", { ctrlKey: true })).toBe(false);
    expect(press("/", { defaultPrevented: true })).toBe(false);
  });
});
