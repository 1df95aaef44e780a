import "server-only";
import {
  BOILER,
  type CommandShape,
  type CountRule,
  ERROR_SOURCE,
  type ElementShape,
  type ValueKind,
} from "./documented";
import { isRemovedSecret } from "./secrets";
import { readXml, type XmlElement, XmlShapeError } from "./xml";

/**
 * Compares one raw eNom reply with the shape eNom's documents give for its command, and says
 * exactly what differs: elements missing, extra or in another casing, lists that disagree with
 * the count eNom sends beside them, values of the wrong form. An empty list means "matches".
 */
export type DifferenceKind =
  | "unreadable" // not an eNom XML reply at all
  | "missing"
  | "extra"
  | "casing"
  | "repeated" // documented once, sent several times
  | "structure" // a value where the documents have elements, or elements where they have a value
  | "count"
  | "value"
  | "secret"; // a mailbox password that was not removed before the check saw the reply

export type Difference = { kind: DifferenceKind; path: string; message: string };

const ROOT = "interface-response";

const VALUE_FORMS: Record<Exclude<ValueKind, "text" | "secret">, { test: RegExp; says: string }> = {
  count: { test: /^\d+$/, says: "a whole number" },
  id: { test: /^0*[1-9]\d*$/, says: "a positive whole number" },
  number: { test: /^\d+(\.\d+)?$/, says: "a number" },
  flag: { test: /^[01]$/, says: "0 or 1" },
  "true-false": { test: /^(true|false)$/i, says: "True or False" },
  "yes-no": { test: /^(yes|no)$/i, says: "Yes or No" },
  date: {
    test: /^\d{1,2}\/\d{1,2}\/\d{4}(\s+\d{1,2}:\d{2}(:\d{2})?\s*[AP]M)?$/i,
    says: "a date M/D/YYYY (optionally with h:mm:ss AM)",
  },
  money: { test: /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/, says: "an amount such as -1,832.23" },
};

function checkValue(shape: ElementShape, element: XmlElement, path: string, out: Difference[]): void {
  const value = element.text;
  if (!shape.value || shape.value === "text") return;
  if (shape.value === "secret") {
    if (value !== "" && !isRemovedSecret(value))
      out.push({
        kind: "secret",
        path,
        message: `<${element.name}> still holds a password: it was removed before saving, and Mailpak's client must drop it`,
      });
    return;
  }
  if (value === "") return;
  const form = VALUE_FORMS[shape.value];
  if (!form.test.test(value))
    out.push({ kind: "value", path, message: `<${element.name}> is "${value}", documented as ${form.says}` });
}

/** Compares the elements under one parent with the documented ones. */
function compareChildren(
  children: readonly XmlElement[],
  shapes: readonly ElementShape[],
  parentPath: string,
  out: Difference[],
): void {
  const byName = new Map(shapes.map((shape) => [shape.name, shape]));
  const byLowerName = new Map(shapes.map((shape) => [shape.name.toLowerCase(), shape]));
  const seen = new Map<string, number>();
  const reportedCasing = new Set<string>();

  for (const element of children) {
    const path = parentPath ? `${parentPath}/${element.name}` : element.name;
    let shape = byName.get(element.name);
    if (!shape) {
      shape = byLowerName.get(element.name.toLowerCase());
      if (shape) {
        if (!reportedCasing.has(element.name))
          out.push({
            kind: "casing",
            path,
            message: `<${element.name}> is documented as <${shape.name}> (eNom's element names are case-sensitive)`,
          });
        reportedCasing.add(element.name);
      } else {
        out.push({
          kind: "extra",
          path,
          message: `<${element.name}> is not in eNom's documents for this reply`,
        });
        continue;
      }
    }
    seen.set(shape.name, (seen.get(shape.name) ?? 0) + 1);
    checkValue(shape, element, path, out);
    if (shape.children === undefined) {
      if (element.children.length > 0)
        out.push({
          kind: "structure",
          path,
          message: `<${element.name}> holds elements (${[...new Set(element.children.map((c) => `<${c.name}>`))].join(", ")}); the documents show a value`,
        });
    } else if (shape.children.length > 0) {
      if (element.children.length === 0 && element.text !== "")
        out.push({
          kind: "structure",
          path,
          message: `<${element.name}> holds the text "${element.text}"; the documents show elements in it`,
        });
      compareChildren(element.children, shape.children, path, out);
    }
  }

  for (const shape of shapes) {
    const times = seen.get(shape.name) ?? 0;
    const path = parentPath ? `${parentPath}/${shape.name}` : shape.name;
    if (times === 0 && !shape.optional)
      out.push({ kind: "missing", path, message: `<${shape.name}> is missing` });
    if (times > 1 && !shape.repeated)
      out.push({
        kind: "repeated",
        path,
        message: `<${shape.name}> appears ${times} times; it is documented once`,
      });
  }
}

/** The elements at a path such as `Paks/Pak` (exact names), from the root. */
function elementsAt(root: XmlElement, path: string): XmlElement[] {
  let current: XmlElement[] = [root];
  for (const step of path.split("/"))
    current = current.flatMap((element) => element.children.filter((c) => c.name === step));
  return current;
}

function numberAt(root: XmlElement, path: string): number | null {
  const text = elementsAt(root, path)[0]?.text;
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : null;
}

function checkCount(root: XmlElement, rule: CountRule, out: Difference[]): void {
  const items = elementsAt(root, rule.list);
  const itemName = rule.list.split("/").at(-1) ?? rule.list;
  if ("span" in rule) {
    const start = numberAt(root, rule.span.start);
    const end = numberAt(root, rule.span.end);
    if (start === null || end === null) return; // reported as missing or malformed already
    const expected = end >= start ? end - start + 1 : 0;
    if (items.length !== expected)
      out.push({
        kind: "count",
        path: rule.list,
        message: `${rule.why}: ${rule.span.start.split("/").at(-1)} ${start} to ${rule.span.end.split("/").at(-1)} ${end} is ${expected}, but the reply lists ${items.length} <${itemName}>`,
      });
    return;
  }
  const expected = numberAt(root, rule.count);
  if (expected === null) return;
  const counted = rule.nonEmpty
    ? items.filter((item) => item.children.some((c) => c.name === rule.nonEmpty && c.text !== "")).length
    : items.length;
  if (counted !== expected)
    out.push({
      kind: "count",
      path: rule.list,
      message: `${rule.why}: ${rule.count} says ${expected}, the reply has ${counted}`,
    });
}

/** eNom's errors: Err1..ErrN under <errors>, as many as ErrCount; ResponseCount responses. */
function checkErrors(root: XmlElement, out: Difference[]): void {
  const errCount = numberAt(root, "ErrCount") ?? 0;
  const errors = elementsAt(root, "errors")[0]?.children ?? [];
  errors.forEach((error, index) => {
    if (error.name !== `Err${index + 1}`)
      out.push({
        kind: error.name.toLowerCase() === `err${index + 1}` ? "casing" : "extra",
        path: `errors/${error.name}`,
        message: `<${error.name}> where eNom's documents have <Err${index + 1}>`,
      });
  });
  if (errors.length !== errCount)
    out.push({
      kind: "count",
      path: "errors",
      message: `ErrCount says ${errCount}, <errors> holds ${errors.length} (${ERROR_SOURCE})`,
    });
  const responseCount = numberAt(root, "ResponseCount");
  const responses = elementsAt(root, "responses/response").length;
  if (responseCount !== null && responses !== responseCount)
    out.push({
      kind: "count",
      path: "responses",
      message: `ResponseCount says ${responseCount}, <responses> holds ${responses} (${ERROR_SOURCE})`,
    });
}

export type ReplyComparison = {
  differences: Difference[];
  /** The reply as read, for the experiments that look at values; null when it could not be read. */
  root: XmlElement | null;
  /** ErrCount > 0: eNom refused; compared with eNom's error replies, the command's own elements optional. */
  refused: boolean;
};

/** Compares one raw XML reply with its command's documented shape. */
export function compareReply(shape: CommandShape, body: string): ReplyComparison {
  let root: XmlElement;
  try {
    root = readXml(body);
  } catch (error) {
    const why = error instanceof XmlShapeError ? error.message : String(error);
    return {
      differences: [{ kind: "unreadable", path: "", message: `not XML: ${why}` }],
      root: null,
      refused: false,
    };
  }
  if (root.name !== ROOT)
    return {
      differences: [
        { kind: "unreadable", path: root.name, message: `the root is <${root.name}>, not <${ROOT}>` },
      ],
      root,
      refused: false,
    };
  const differences: Difference[] = [];
  const refused = (numberAt(root, "ErrCount") ?? 0) > 0;
  const errorElements = refused
    ? shape.elements.map((element) => ({ ...element, optional: true }))
    : shape.elements;
  compareChildren(root.children, [...errorElements, ...BOILER], "", differences);
  if (!refused) for (const rule of shape.counts) checkCount(root, rule, differences);
  checkErrors(root, differences);
  return { differences, root, refused };
}

/** The first text of the element at a path (exact names), or null. */
export function textAt(root: XmlElement | null, path: string): string | null {
  return root ? (elementsAt(root, path)[0]?.text ?? null) : null;
}

/** Every element at a path (exact names). */
export function allAt(root: XmlElement | null, path: string): XmlElement[] {
  return root ? elementsAt(root, path) : [];
}
