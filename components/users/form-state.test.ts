import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { checkedFirst, checkInBrowser, fieldErrorsOf } from "./form-state";

const schema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
  request: z.object({ quantity: z.number().int().min(1, "Choose at least one.") }),
});

const refusal = {
  ok: false,
  message: "Please correct the highlighted fields.",
  fieldErrors: {
    email: ["Enter a valid email address."],
    "request.quantity": ["Choose at least one."],
  },
};

describe("checkInBrowser", () => {
  it("answers bad input as the server's envelope does, errors by field path", () => {
    expect(checkInBrowser(schema, { email: "nope", request: { quantity: 0 } })).toEqual(refusal);
  });

  it("lets good input through", () => {
    expect(checkInBrowser(schema, { email: "a@b.test", request: { quantity: 2 } })).toBeNull();
  });
});

describe("checkedFirst", () => {
  const sent = () => vi.fn(async (): Promise<ActionResult<string>> => ({ ok: true, data: "sent" }));

  it("sends nothing when the schema refuses the input", async () => {
    const action = sent();
    const result = await checkedFirst(schema, action)({ email: "nope", request: { quantity: 0 } });
    expect(result).toEqual(refusal);
    expect(action).not.toHaveBeenCalled();
  });

  it("sends the input as typed, not as parsed: the server parses it again", async () => {
    const action = sent();
    const input = { email: " Someone@Example.TEST ", request: { quantity: 2 } };
    expect(await checkedFirst(schema, action)(input)).toEqual({ ok: true, data: "sent" });
    expect(action).toHaveBeenCalledWith(input);
  });

  it("checks with a schema whose rules are async, which a synchronous parse cannot run", async () => {
    const slow = z.object({
      password: z.string().refine(async (value) => value !== "password123", "Too easy to guess."),
    });
    const action = sent();
    expect(() => checkInBrowser(slow, { password: "x" })).toThrow();
    expect(await checkedFirst(slow, action)({ password: "password123" })).toEqual({
      ok: false,
      message: "Please correct the highlighted fields.",
      fieldErrors: { password: ["Too easy to guess."] },
    });
    expect(action).not.toHaveBeenCalled();
    expect(await checkedFirst(slow, action)({ password: "correct horse battery" })).toMatchObject({
      ok: true,
    });
  });
});

describe("fieldErrorsOf", () => {
  it("gives a failure's field errors, and nothing for a success or no answer yet", () => {
    expect(fieldErrorsOf({ ok: false, message: "No.", fieldErrors: { name: ["Enter a name."] } })).toEqual({
      name: ["Enter a name."],
    });
    expect(fieldErrorsOf({ ok: true, data: undefined })).toBeUndefined();
    expect(fieldErrorsOf(null)).toBeUndefined();
  });
});
