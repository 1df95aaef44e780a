import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { deeplyNested, hostileInput, prototypePolluted } from "@/test/hostile";
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
      "mailboxes.ts deleteMailboxesSchema",
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
