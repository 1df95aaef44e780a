import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanDocumentSample, SEED_STEPS, type SeedStep } from "./seeds-fixture";
import { startEnomSimulator, type RunningSimulator } from "./server";
import { errorsOf, items, parseHtmlReply, parseTextReply, parseXmlReply, text } from "./testing";

/**
 * Every example query of eNom's documents, verbatim and in order, against a freshly reset
 * simulator whose clock reads the quick start's own moment (11/25/2014 12:47:29 PM) and whose
 * legacy password switch is on (the seeds' passwords predate eNom's 2018 rule), compared field by
 * field with the documents' replies.
 *
 * Fields that differ by nature are skipped: TrackingKey, RequestDateTime, ExecTime, Server,
 * TimeDifference, the values of IsLockable/IsRealTimeTLD, and `debug` (seen once, in a 2011
 * sample). The order of the compared fields must match too.
 */
const NATURALLY_DIFFERENT = new Set([
  "TrackingKey",
  "RequestDateTime",
  "ExecTime",
  "Server",
  "TimeDifference",
  "IsLockable",
  "IsRealTimeTLD",
  "debug",
]);
const QUICK_START_MOMENT = new Date("2014-11-25T12:47:29Z");

type Field = [path: string, value: string];

const orderedParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
});

/** An XML reply as [path, value] pairs in document order (`Paks/Pak/BundleId`). */
function xmlFields(body: string): Field[] {
  const fields: Field[] = [];
  const walk = (nodes: unknown, path: string) => {
    if (!Array.isArray(nodes)) return;
    for (const node of nodes as Array<Record<string, unknown>>) {
      for (const [name, children] of Object.entries(node)) {
        if (name === "#text" || name === ":@") continue;
        const here = path ? `${path}/${name}` : name;
        const kids = Array.isArray(children) ? (children as Array<Record<string, unknown>>) : [];
        const textNode = kids.find((kid) => "#text" in kid);
        const hasElements = kids.some((kid) => Object.keys(kid).some((key) => key !== "#text"));
        if (!hasElements) fields.push([here, String(textNode?.["#text"] ?? "").trim()]);
        else walk(kids, here);
      }
    }
  };
  const document = orderedParser.parse(body) as Array<Record<string, unknown>>;
  const root = document.find((node) => "interface-response" in node);
  walk(root?.["interface-response"], "");
  return fields;
}

function fieldsOf(format: SeedStep["format"], body: string): Field[] {
  if (format === "xml") return xmlFields(body);
  return [...(format === "html" ? parseHtmlReply(body) : parseTextReply(body))];
}

function leafName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

function compareWithSample(step: SeedStep, ours: Field[]): void {
  const sample = fieldsOf(step.format, cleanDocumentSample(step.sample ?? ""));
  expect(sample.length, "the sample parses").toBeGreaterThan(5);
  const skipped = new Set([...NATURALLY_DIFFERENT, ...(step.deviations ?? [])]);
  let from = 0;
  for (const [path, expected] of sample) {
    if (skipped.has(leafName(path))) continue;
    const at = ours.findIndex(([ourPath], index) => index >= from && ourPath === path);
    expect(at, `${step.title}: field ${path} (in the document's order)`).toBeGreaterThanOrEqual(0);
    expect(ours[at]?.[1], `${step.title}: ${path}`).toBe(expected);
    from = at + 1;
  }
}

describe("the documents' example queries, in order", () => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startEnomSimulator({
      port: 0,
      statePath: null,
      reset: true,
      now: () => QUICK_START_MOMENT,
      // The seeds' 2014 passwords (`resellpw`, `Abcdefg1`) predate eNom's current rule.
      legacyPasswords: true,
    });
  });
  afterAll(() => simulator.close());

  // Sequential on purpose: each step relies on the ones before it (the quick start's pak, UserOne).
  for (const step of SEED_STEPS) {
    it(`${step.source}: ${step.title}`, async () => {
      const response = await fetch(`${simulator.url}?${step.query}`);
      expect(response.status).toBe(200);
      const body = await response.text();
      const ours = fieldsOf(step.format, body);
      const errCount = ours.find(([path]) => path === "ErrCount")?.[1];
      if (step.expectErrors) {
        expect(errCount).toBe(String(step.expectErrors.length));
        const errors = ours
          .filter(([path]) => /^(errors\/)?Err\d+$/.test(path))
          .map(([, message]) => message);
        expect(errors).toEqual(step.expectErrors);
      } else expect(errCount).toBe("0");
      if (step.sample) compareWithSample(step, ours);
    });
  }

  it("seeds/002 Step 4's check: GetPOP3 now shows UserOne gone and the pak's mailboxes free again", async () => {
    const reply = parseXmlReply(
      await (
        await fetch(
          `${simulator.url}?uid=resellid&pw=resellpw&command=GetPop3&sld=enom-email-example-123&tld=com&responsetype=xml`,
        )
      ).text(),
    );
    expect(errorsOf(reply)).toEqual([]);
    expect(text(reply.EmailCount)).toBe("0");
    expect(items(reply.Paks, "Pak").map((pak) => text(pak.QtyAvailable))).toEqual(["15"]);
  });

  it("GetPOP3 writes the pak's ExpDate in CDATA with a space each side, as the document shows", async () => {
    const body = await (
      await fetch(
        `${simulator.url}?uid=resellid&pw=resellpw&command=GetPop3&sld=enom-email-example-123&tld=com&responsetype=xml`,
      )
    ).text();
    expect(body).toContain("<ExpDate><![CDATA[ 11/25/2015 ]]></ExpDate>");
  });
});

describe("the fixture is the documents' own text", () => {
  const seedsFolder = join(__dirname, "..", "..", "..", "shared", "seeds");
  const documents = existsSync(seedsFolder)
    ? readdirSync(seedsFolder).map((name) =>
        readFileSync(join(seedsFolder, name), "utf8").replace(/\s+/g, ""),
      )
    : [];

  it.skipIf(documents.length === 0)(
    "each query's parameters appear, in order, in one of the documents",
    () => {
      for (const step of SEED_STEPS.filter((candidate) => !candidate.corrected)) {
        const parts = step.query.split("&");
        const found = documents.some((document) => {
          let from = 0;
          for (const part of parts) {
            const at = document.indexOf(part, from);
            if (at < 0) return false;
            from = at + part.length;
          }
          return true;
        });
        expect(found, step.query).toBe(true);
      }
    },
  );

  it.skipIf(documents.length === 0)("each sample appears verbatim in one of the documents", () => {
    for (const step of SEED_STEPS)
      if (step.sample)
        expect(
          documents.some((document) => document.includes(step.sample?.replace(/\s+/g, "") ?? "")),
          step.title,
        ).toBe(true);
  });
});
