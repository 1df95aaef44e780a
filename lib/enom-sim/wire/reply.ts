/**
 * A reply before it is written out: an ordered tree of eNom's fields. The three formats (Text,
 * HTML, XML) render the same tree, so a command builds its answer once.
 *
 * - `value`: one field (`<BundleId>5134</BundleId>`, `BundleId=5134`).
 * - `group`: fields nested under one element, flat in Text (`<errors><Err1/></errors>`,
 *   `<Bundles><BundleID/>…</Bundles>`).
 * - `list`: repeated items (`<Paks><Pak>…</Pak></Paks>`), numbered in Text (`PakBundleId1`).
 */
export interface ReplyValue {
  kind: "value";
  name: string;
  value: string;
  /** eNom wraps some dates in CDATA with a space each side: `<![CDATA[ 11/25/2015 ]]>`. */
  cdata?: boolean;
}

export interface ReplyGroup {
  kind: "group";
  name: string;
  fields: ReplyValue[];
}

export interface ReplyList {
  kind: "list";
  name: string;
  itemName: string;
  /** Put before each field name in Text and HTML, to keep two lists of one reply apart. */
  textPrefix: string;
  items: ReplyValue[][];
}

export type ReplyField = ReplyValue | ReplyGroup | ReplyList;

export function value(
  name: string,
  content: string | number | boolean,
  options: { cdata?: boolean } = {},
): ReplyValue {
  const text = typeof content === "boolean" ? (content ? "True" : "False") : String(content);
  return { kind: "value", name, value: text, ...(options.cdata ? { cdata: true } : {}) };
}

export function group(name: string, fields: ReplyValue[]): ReplyGroup {
  return { kind: "group", name, fields };
}

export function list(name: string, itemName: string, items: ReplyValue[][], textPrefix = ""): ReplyList {
  return { kind: "list", name, itemName, textPrefix, items };
}

/** 0/1 flags as eNom writes them (`AutoRenew`, `IsAdmin`). */
export function flag(on: boolean): string {
  return on ? "1" : "0";
}
