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
      new EnomUnavailable({
        command: "X",
        kind: "read",
        reason: "unrecognised",
        outcome: "unknown",
        detail: "",
      }),
      new EnomError({ command: "X", errors: ["eNom is down for maintenance"], trackingKey: null }),
      new EnomError({ command: "X", errors: ["Bad User name or Password"], trackingKey: null }),
    ]) {
      expect(describeEnomFailure(error)?.message.toLowerCase()).not.toContain("enom");
    }
  });

  it("eNom answering in a form the panel does not understand is told apart from eNom not answering", () => {
    const read = describeEnomFailure(
      new EnomUnavailable({
        command: "GetPOP3",
        kind: "read",
        reason: "unrecognised",
        outcome: "unknown",
        detail: "eNom's count says 3 mailboxes (EmailCount), the reply lists 2",
      }),
    );
    expect(read).toMatchObject({
      outcome: "failed",
      message: "The email service answered in a form this panel does not understand; nothing was changed.",
    });
    expect(read?.enomError).toBe(
      "eNom answered GetPOP3 in a form Mailpak does not understand; nothing was changed (eNom's count says 3 mailboxes (EmailCount), the reply lists 2)",
    );
    expect(read?.message).not.toContain("not answering");

    const write = describeEnomFailure(
      new EnomUnavailable({
        command: "PurchasePOPBundle",
        kind: "write",
        reason: "unrecognised",
        outcome: "unknown",
        detail: "no BundleCount",
      }),
    );
    expect(write?.outcome).toBe("unknown");
    expect(write?.message).toContain("does not understand");
    expect(write?.message).toContain("may or may not have been made");
  });

  it.each([
    ["304155", "Bad User name or Password", "did not accept this panel's connection"],
    [
      "713254",
      "User not permitted from this IP address - 203.0.113.9",
      "did not accept this panel's connection",
    ],
    ["20", "Try again later", "busy"],
    ["48", "Password rejected - contains username or other account info", "Choose a different password"],
    ["316153", "Domain name not found", "does not know this domain"],
  ])(
    "eNom's number %s (%s) is told in the user's words, with eNom's kept for the audit",
    (number, text, words) => {
      const failure = describeEnomFailure(
        new EnomError({
          command: "SetUpPOP3User",
          errors: [text],
          responses: [{ number: Number(number), text: "eNom's words", description: null }],
          trackingKey: "tk-2",
        }),
      );
      expect(failure?.outcome).toBe("failed");
      expect(failure?.message).toContain(words);
      expect(failure?.message.toLowerCase()).not.toContain("enom");
      expect(failure?.enomError).toBe(`${text} [${number}]`);
    },
  );

  it("leaves other errors to the caller", () => {
    expect(describeEnomFailure(new Error("boom"))).toBeNull();
  });
});
