/**
 * Whether a key press opens the search: "/" where it would not type a slash, or Ctrl-K / ⌘-K
 * anywhere (browsers give Ctrl-K to their own search box otherwise, so the panel takes it first).
 */
export interface ShortcutEvent {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
  target: EventTarget | null;
}

export function isSearchShortcut(event: ShortcutEvent): boolean {
  if (event.defaultPrevented || event.altKey) return false;
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k") return true;
  return event.key === "/" && !event.ctrlKey && !event.metaKey && !typesText(event.target);
}

/** A place where "/" is a character someone is typing. */
function typesText(target: EventTarget | null): boolean {
  if (!target || typeof target !== "object") return false;
  const element = target as { tagName?: unknown; isContentEditable?: unknown; type?: unknown };
  if (element.isContentEditable === true) return true;
  const tag = typeof element.tagName === "string" ? element.tagName.toUpperCase() : "";
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag !== "INPUT") return false;
  // A checkbox or a button does not take text.
  const type = typeof element.type === "string" ? element.type.toLowerCase() : "text";
  return !["checkbox", "radio", "button", "submit", "reset", "range", "color", "file", "image"].includes(
    type,
  );
}
