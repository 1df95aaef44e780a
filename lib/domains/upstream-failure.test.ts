import { describe, expect, it } from "vitest";
import { EnomError, EnomUnavailable } from "@/lib/enom";
import { describeUpstreamFailure, failsEveryRead, upstreamFailureKind } from "./upstream-failure";

const unavailable = (reason: "timeout" | "unrecognised" | "http-status") =>
  new EnomUnavailable({
    command: "GetPOPExpirations",
    kind: "read",
    reason,
    outcome: "unknown",
    detail: "test",
  });

describe("what a page says when eNom could not be read", () => {
  it("tells an answer Mailpak does not understand from eNom not answering, and from a refusal", () => {
    expect(upstreamFailureKind(unavailable("unrecognised"))).toBe("not-understood");
    expect(upstreamFailureKind(unavailable("timeout"))).toBe("not-answering");
    expect(upstreamFailureKind(unavailable("http-status"))).toBe("not-answering");
    expect(
      upstreamFailureKind(new EnomError({ command: "GetDomains", errors: ["No"], trackingKey: null })),
    ).toBe("refused");
    expect(upstreamFailureKind(new Error("a bug"))).toBeNull();
    expect(describeUpstreamFailure(new Error("a bug"), "the paks")).toBeNull();
  });

  it("says plainly which it is, naming the command for staff and not the provider for customers", () => {
    expect(describeUpstreamFailure(unavailable("unrecognised"), "the paks")).toEqual({
      kind: "not-understood",
      title: "The paks could not be read",
      message: expect.stringMatching(
        /^eNom answered GetPOPExpirations in a form Mailpak does not understand, so the paks cannot be shown\. Nothing was changed\./,
      ),
    });
    expect(describeUpstreamFailure(unavailable("timeout"), "the paks")?.message).toMatch(
      /^eNom is not answering right now/,
    );
    const forCustomer = describeUpstreamFailure(
      unavailable("unrecognised"),
      "your domains",
      "The email service",
    );
    expect(forCustomer?.message).toMatch(
      /^The email service answered in a form this panel does not understand/,
    );
    expect(forCustomer?.message).not.toMatch(/eNom|GetPOP/);
  });

  it("gives the fix for a refused login, and eNom's words for any other refusal", () => {
    const login = new EnomError({
      command: "GetDomains",
      errors: ["Bad User name or Password"],
      trackingKey: null,
      responses: [{ number: 304155, text: "Validation error; invalid ; loginid", description: null }],
    });
    expect(describeUpstreamFailure(login, "the domains")?.message).toMatch(/ENOM_UID and ENOM_PW/);
    expect(failsEveryRead(login)).toBe(true);
    const other = new EnomError({ command: "GetDomains", errors: ["Account locked"], trackingKey: null });
    expect(describeUpstreamFailure(other, "the domains")?.message).toBe(
      "eNom refused to list the domains: Account locked",
    );
    expect(failsEveryRead(other)).toBe(false);
    expect(failsEveryRead(unavailable("timeout"))).toBe(true);
    expect(failsEveryRead(unavailable("unrecognised"))).toBe(false);
  });
});
