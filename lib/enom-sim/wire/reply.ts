/**
 * A reply before it is written out: an ordered tree of eNom's elements. The three formats (Text,
 * HTML, XML) render the same tree, so a command builds its answer once.
 *
 * eNom's replies are not regular, so the tree is not either:
 * - `value`: one element (`<BundleId>5134</BundleId>`, Text `BundleId=5134`).
 * - `node`: an element holding others, with attributes if any (`<domain-list type="Registered">`).
 *   Repeated items may sit directly under `<interface-response>` (GetPOP3's `<pop>`) or in a
 *   container (`<Paks><Pak>`); Text flattens them, numbering each item (`textIndex`) and putting the
 *   node's `textPrefix` before its leaves (`PakBundleId1`).
 * - Text names are per command: `textName` overrides a leaf's name in Text and HTML (GetPOP3's XML
 *   `username` is Text `Username1`), and `only` keeps a field to one family of formats where eNom's
 *   samples show it in one only (GetPOP3's `vasitemid1` is in the Text sample, not in the XML one).
 */
export type FormatFamily = "xml" | "text";

export interface ReplyValue {
  kind: "value";
  name: string;
  value: string;
  /** eNom wraps some dates in CDATA with a space each side: `<![CDATA[ 11/25/2015 ]]>`. */
  cdata?: boolean;
  /** The name in Text and HTML, before the item's number. */
  textName?: string;
  /** The value in Text and HTML where eNom's Text sample writes it otherwise (a date without its time). */
  textValue?: string;
  only?: FormatFamily;
}

export interface ReplyNode {
  kind: "node";
  name: string;
  attributes: ReadonlyArray<readonly [string, string]>;
  children: ReplyField[];
  /** Put before each leaf's name in Text (`Pak` → `PakBundleId1`). */
  textPrefix?: string;
  /** This item's number in Text, put after each leaf's name (`Username1`). */
  textIndex?: number;
  only?: FormatFamily;
}

export type ReplyField = ReplyValue | ReplyNode;

export interface ValueOptions {
  cdata?: boolean;
  textName?: string;
  textValue?: string;
  only?: FormatFamily;
}

export function value(
  name: string,
  content: string | number | boolean,
  options: ValueOptions = {},
): ReplyValue {
  const text = typeof content === "boolean" ? (content ? "True" : "False") : String(content);
  return {
    kind: "value",
    name,
    value: text,
    ...(options.cdata ? { cdata: true } : {}),
    ...(options.textName !== undefined ? { textName: options.textName } : {}),
    ...(options.textValue !== undefined ? { textValue: options.textValue } : {}),
    ...(options.only ? { only: options.only } : {}),
  };
}

export interface NodeOptions {
  attributes?: ReadonlyArray<readonly [string, string]>;
  textPrefix?: string;
  textIndex?: number;
  only?: FormatFamily;
}

export function node(name: string, children: ReplyField[], options: NodeOptions = {}): ReplyNode {
  return {
    kind: "node",
    name,
    attributes: options.attributes ?? [],
    children,
    ...(options.textPrefix !== undefined ? { textPrefix: options.textPrefix } : {}),
    ...(options.textIndex !== undefined ? { textIndex: options.textIndex } : {}),
    ...(options.only ? { only: options.only } : {}),
  };
}

/**
 * Repeated items, each its own element, numbered from 1 in Text: put them directly in a reply
 * (`...repeated("pop", rows)`) or inside a container (`node("Paks", repeated("Pak", rows, "Pak"))`).
 */
export function repeated(itemName: string, rows: ReplyField[][], textPrefix?: string): ReplyNode[] {
  return rows.map((children, index) =>
    node(itemName, children, { textIndex: index + 1, ...(textPrefix ? { textPrefix } : {}) }),
  );
}

/** 0/1 flags as eNom writes them (`AutoRenew`, `admin`). */
export function flag(on: boolean): string {
  return on ? "1" : "0";
}

/** The tree as one format family sees it: fields kept to the other family are left out. */
export function visibleIn(family: FormatFamily, fields: readonly ReplyField[]): ReplyField[] {
  const kept: ReplyField[] = [];
  for (const field of fields) {
    if (field.only !== undefined && field.only !== family) continue;
    kept.push(field.kind === "node" ? { ...field, children: visibleIn(family, field.children) } : field);
  }
  return kept;
}
