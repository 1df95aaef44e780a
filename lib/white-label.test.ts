import { describe, expect, it } from "vitest";
import { inServiceWords } from "./white-label";

describe("inServiceWords", () => {
  it("replaces the provider's name in any casing and keeps the rest", () => {
    expect(inServiceWords("eNom could not find ENOM account; call enom support")).toBe(
      "the email service could not find the email service account; call the email service support",
    );
    expect(inServiceWords("Invalid Item specified")).toBe("Invalid Item specified");
  });
});
