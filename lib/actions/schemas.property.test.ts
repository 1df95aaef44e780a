import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { EMAIL_ADDRESS_PATTERN, MAX_SIZE, passwordProblem } from "@/lib/validation/enom-rules";
import {
  createMailboxesSchema,
  resetMailboxPasswordsSchema,
  setMailboxForwardingSchema,
} from "@/lib/validation/mailboxes";
import { setCatchAllSchema } from "@/lib/validation/paks";
import { deeplyNested, hostileInput, hostileString, prototypePolluted } from "@/test/hostile";
import { fieldErrorsOf } from "./safe-action";

/**
 * Every zod schema the server actions and forms use (every schema exported from lib/validation,
 * found by walking the modules, so a new one is covered the day it lands) takes hostile input
 * without throwing, rejects it with messages the action envelope can show, and leaves
 * Object.prototype alone.
 */
const modules = import.meta.glob<Record<string, unknown>>(
  ["../validation/*.ts", "!../validation/*.test.ts"],
  {
    eager: true,
  },
);

const schemas: [string, z.ZodType][] = Object.entries(modules).flatMap(([path, exports]) =>
  Object.entries(exports)
    .filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType)
    .map(([name, schema]): [string, z.ZodType] => [`${path.replace("../validation/", "")} ${name}`, schema]),
);

/** The fields a schema's object shape names, for keys a forged request would use. */
function fieldNamesOf(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  if (shape && typeof shape === "object") return Object.keys(shape);
  const inner = (schema as unknown as { def?: { in?: z.ZodType; schema?: z.ZodType } }).def;
  const wrapped = inner?.in ?? inner?.schema;
  return wrapped ? fieldNamesOf(wrapped) : [];
}

describe("every validation schema under hostile input", () => {
  it("finds the schemas of every action module", () => {
    const names = schemas.map(([name]) => name);
    for (const expected of [
      "mailboxes.ts createMailboxesSchema",
      "mailboxes.ts setMailboxAdminSchema",
      "mailboxes.ts resetMailboxPasswordsSchema",
      "mailboxes.ts deleteMailboxesSchema",
      "mailboxes.ts setMailboxForwardingSchema",
      "mailboxes.ts removeMailboxForwardingSchema",
      "paks.ts setCatchAllSchema",
      "paks.ts deletePakSchema",
      "purchases.ts purchaseSubmitSchema",
      "purchases.ts renewSubmitSchema",
      "customers.ts createCustomerSchema",
      "users.ts createStaffUserSchema",
      "account.ts changePasswordSchema",
    ])
      expect(names).toContain(expected);
    expect(schemas.length).toBeGreaterThan(40);
  });

  it.each(schemas)("%s: safeParse never throws, and a rejection has messages", (_, schema) => {
    const check = (input: unknown) => {
      let result: z.ZodSafeParseResult<unknown> | undefined;
      expect(() => (result = schema.safeParse(input))).not.toThrow();
      if (result && !result.success) {
        expect(result.error.issues.length).toBeGreaterThan(0);
        const fields = fieldErrorsOf(result.error);
        for (const messages of Object.values(fields))
          for (const message of messages ?? []) expect(message).toBeTruthy();
      }
    };
    fc.assert(fc.property(hostileInput(fieldNamesOf(schema)), check), { numRuns: 60 });
    check(deeplyNested());
    expect(prototypePolluted()).toBe(false);
  });
});

/**
 * What the schemas let through is what eNom takes: a mailbox password meets eNom's current rule
 * for its mailbox and domain (10-20 characters, an upper-case letter, a number, one of * @ - _ / .,
 * not containing the name or the domain: error 48 otherwise), and a catch-all or forward is a full
 * address of at most 130 characters (set-catch-all.md, set-pop-forwarding.md). So no form or
 * forged request sends eNom a value it refuses, and nothing the rule allows is turned away.
 */
describe("the mailbox and catch-all schemas against eNom's rules", () => {
  const domain = "saffron-movers.biz";
  const userNames = ["office", "li", "yuki.adler", "fm.anna"];
  /** Close to valid: eNom's alphabet with a few characters outside it, the mailbox's name and the domain. */
  const unit = fc.constantFrom(..."AQZaqz279*@-_/. !\u00e9\u200b".split(""));
  /** Mostly meeting the rule: an upper-case letter, a number and a symbol among eNom's characters. */
  const nearlyValid = fc
    .tuple(
      fc.string({ unit: fc.constantFrom(..."aqzAQZ279*@-_/.".split("")), minLength: 6, maxLength: 19 }),
      fc.constantFrom("A", "Q", "Z"),
      fc.constantFrom("2", "7", "9"),
      fc.constantFrom(..."*@-_/.".split("")),
    )
    .map(([rest, upper, digit, symbol]) => `${rest.slice(0, 3)}${upper}${rest.slice(3)}${digit}${symbol}`);
  const passwordish = fc.oneof(
    { weight: 3, arbitrary: nearlyValid },
    { weight: 3, arbitrary: fc.string({ unit, minLength: 8, maxLength: 22 }) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.string({ unit, maxLength: 8 }),
          fc.constantFrom(...userNames, "OFFICE", "Saffron", "SAFFRON-MOVERS.BIZ", "movers"),
          fc.string({ unit, maxLength: 8 }),
        )
        .map((parts) => parts.join("")),
    },
    { weight: 1, arbitrary: hostileString },
  );

  it("accepts a mailbox password exactly when eNom's rule does, when creating and when resetting", () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.constantFrom(...userNames), passwordish, (userName, password) => {
        const allowed = passwordProblem(password, { userName, domain }) === null;
        const created = createMailboxesSchema.safeParse({
          domain,
          bundleId: 600018,
          mailboxes: [{ userName, password }],
        });
        const reset = resetMailboxPasswordsSchema.safeParse({ domain, items: [{ userName, password }] });
        expect(created.success, `create ${userName} / ${JSON.stringify(password)}`).toBe(allowed);
        expect(reset.success, `reset ${userName} / ${JSON.stringify(password)}`).toBe(allowed);
        if (allowed) accepted += 1;
      }),
      { numRuns: 400 },
    );
    // Both sides of the rule are reached.
    expect(accepted).toBeGreaterThan(20);
    expect(accepted).toBeLessThan(380);
  });

  /** Near addresses: names, @, domains, and what eNom's ForwardTo cannot carry. */
  const addressish = fc.oneof(
    { weight: 3, arbitrary: fc.emailAddress() },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom("", "office", "li", "a b", "x\u0000"),
          fc.constantFrom("", "@", "@@", " @"),
          fc.constantFrom("", domain, "example.org", "localhost", "-bad.com", `${"d".repeat(130)}.com`),
        )
        .map((parts) => parts.join("")),
    },
    { weight: 1, arbitrary: hostileString },
  );

  it("takes a catch-all or a forward only as a full address eNom's ForwardTo can carry", () => {
    for (const notAnAddress of ["", "office", "off", "@saffron-movers.biz", "office@"])
      expect(setCatchAllSchema.safeParse({ domain, catchAll: notAnAddress }).success).toBe(false);
    let accepted = 0;
    fc.assert(
      fc.property(addressish, (address) => {
        const catchAll = setCatchAllSchema.safeParse({ domain, catchAll: address });
        if (catchAll.success) {
          accepted += 1;
          expect(catchAll.data.catchAll).toMatch(EMAIL_ADDRESS_PATTERN);
          expect(catchAll.data.catchAll.length).toBeLessThanOrEqual(MAX_SIZE.forwardTo);
        }
        const forward = setMailboxForwardingSchema.safeParse({
          domain,
          userName: "office",
          forwardTo: address,
        });
        if (forward.success) {
          expect(forward.data.forwardTo).toMatch(EMAIL_ADDRESS_PATTERN);
          expect(forward.data.forwardTo.length).toBeLessThanOrEqual(MAX_SIZE.forwardTo);
          expect(forward.data.forwardTo.toLowerCase()).not.toBe(`office@${domain}`);
        }
      }),
      { numRuns: 300 },
    );
    expect(accepted, "addresses are taken too").toBeGreaterThan(30);
  });
});
