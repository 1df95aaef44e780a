import { describe, expect, it } from "vitest";
import { EnomError, EnomUnavailable } from "@/lib/enom";
import { describeEnomFailure } from "./enom-outcome";

describe("eNom failures as the user and the audit log see them", () => {
  it("a refusal is a failure with eNom's words kept for the audit", () => {
    const failure = describeEnomFailure(
      new EnomError({ command: "SetUpPOP3User", errors: ["Invalid Item specified"], trackingKey: "tk-1" }),
    );
    expect(failure).toEqual({
      outcome: "failed",
      message: "The email service refused this: Invalid Item specified",
      enomError: "Invalid Item specified",
      trackingKey: "tk-1",
    });
  });

  it("a lost answer to a write is unknown, never a failure", () => {
    const failure = describeEnomFailure(
      new EnomUnavailable({
        command: "SetUpPOP3User",
        kind: "write",
        reason: "timeout",
        outcome: "unknown",
        detail: "no answer",
      }),
    );
    expect(failure?.outcome).toBe("unknown");
    expect(failure?.message).toContain("may or may not have been made");
  });

  it("a request that never left changed nothing", () => {
    const failure = describeEnomFailure(
      new EnomUnavailable({
        command: "SetUpPOP3User",
        kind: "write",
        reason: "connect",
        outcome: "not-sent",
        detail: "refused",
      }),
    );
    expect(failure).toMatchObject({ outcome: "failed" });
    expect(failure?.message).toContain("nothing was changed");
  });

  it("never names the upstream provider to the user", () => {
    for (const error of [
      new EnomError({ command: "X", errors: [], trackingKey: null }),
      new EnomUnavailable({ command: "X", kind: "write", reason: "timeout", outcome: "unknown", detail: "" }),
      new EnomUnavailable({ command: "X", kind: "read", reason: "timeout", outcome: "unknown", detail: "" }),
    ]) {
      expect(describeEnomFailure(error)?.message.toLowerCase()).not.toContain("enom");
    }
  });

  it("leaves other errors to the caller", () => {
    expect(describeEnomFailure(new Error("boom"))).toBeNull();
  });
});
