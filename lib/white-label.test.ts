import { describe, expect, it } from "vitest";
import { EnomError } from "@/lib/enom";
import { describeEnomFailure } from "@/lib/actions/enom-outcome";
import { inServiceWords, noteReaderRole, portalWording, withReaderScope } from "./white-label";

const refusal = (text: string) =>
  new EnomError({
    command: "SetPakRenew",
    errors: [text],
    responses: [{ number: 999999, text: "Policy error", description: null }],
    trackingKey: "TK-9",
  });

describe("inServiceWords", () => {
  it("for staff replaces the provider's name in any casing and keeps the rest", () => {
    expect(inServiceWords("eNom could not find ENOM account; call enom support")).toBe(
      "the email service could not find the email service account; call the email service support",
    );
    expect(inServiceWords("Invalid Item specified")).toBe("Invalid Item specified");
    withReaderScope(() => {
      noteReaderRole("staff");
      expect(inServiceWords("Pak is locked for billing at eNom")).toBe(
        "Pak is locked for billing at the email service",
      );
    });
  });

  it("for a customer never repeats the provider's text, only the portal's own wording", () => {
    const said = "Reseller account 4410 at eNom: billing hold (ticket #77321), Pak is locked";
    withReaderScope(() => {
      noteReaderRole("customer");
      expect(inServiceWords(said)).toBe("this is locked for changes right now; please try again later");
      expect(inServiceWords("Something nobody planned for")).toBe(
        "please try again later, or contact support if this persists",
      );
      // Through the envelope's description of a refusal: the audit keeps eNom's words, the message does not.
      const failure = describeEnomFailure(refusal(said));
      expect(failure?.message).toBe(
        "The email service refused this: this is locked for changes right now; please try again later",
      );
      expect(failure?.enomError).toContain("ticket #77321");
    });
    // Another request, by staff, is not affected.
    withReaderScope(() => {
      noteReaderRole("admin");
      expect(describeEnomFailure(refusal(said))?.message).toContain("ticket #77321");
    });
  });

  it("words the texts it recognises", () => {
    expect(portalWording("Insufficient funds: the balance is $5.00")).toBe(
      "the order could not be placed; please contact support",
    );
    expect(portalWording("Password rejected")).toBe("the password was not accepted; choose a different one");
    expect(portalWording("Invalid Item specified")).toBe("a mailbox with this name may already exist");
  });
});
