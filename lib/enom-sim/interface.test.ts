import { describe, expect, it, vi } from "vitest";
import { enomErrors } from "./errors";
import { answerRequest } from "./interface";
import { seededWorld } from "./testing";
import { EnomParams } from "./wire/params";

describe("answerRequest", () => {
  const now = new Date("2025-06-15T10:00:00Z");

  it("turns an exception inside a command into eNom's internal error, never a stack trace", () => {
    const world = seededWorld(0);
    world.login = () => {
      throw new Error("disk on fire at /secret/path.ts:12");
    };
    const onInternalError = vi.fn();
    const answer = answerRequest(
      world,
      { params: EnomParams.of({ command: "GetBalance", uid: "resellid", pw: "resellpw" }), now },
      onInternalError,
    );
    expect(answer.errors).toEqual([enomErrors.internal]);
    expect(answer.command).toBe("GETBALANCE");
    expect(answer.changed).toBe(false);
    expect(JSON.stringify(answer)).not.toContain("secret");
    expect(onInternalError).toHaveBeenCalledOnce();
  });

  it("answers PurchaseServices with APIType API, as seeds/002 shows, errors included", () => {
    const answer = answerRequest(
      seededWorld(0),
      { params: EnomParams.of({ command: "purchaseservices", uid: "x", pw: "y" }), now },
      () => {},
    );
    expect(answer).toMatchObject({
      command: "PURCHASESERVICES",
      apiType: "API",
      errors: [enomErrors.badLogin],
    });
  });
});
