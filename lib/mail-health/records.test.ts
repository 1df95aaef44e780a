import { describe, expect, it } from "vitest";
import { parseDmarc, parseSpf, spfWithProvider } from "./records";

describe("parseDmarc", () => {
  it.each([
    ["v=DMARC1; p=none", { valid: true, policy: "none" }],
    [
      "v = DMARC1 ;p=Reject; sp=quarantine; pct=50; rua=mailto:a@example.com;",
      { valid: true, policy: "reject" },
    ],
    ["v=DMARC1; p=none; pct=101", { valid: false }],
    ["v=DMARC1; p=none; sp=everything", { valid: false }],
    ["v=DMARC1; p=none; p=reject", { valid: false }],
    ["v=DMARC1", { valid: false }],
    ["v=DMARC2; p=none", { valid: false }],
  ])("%j is %j", (txt, expected) => {
    expect(parseDmarc(txt)).toEqual(expected);
  });
});

describe("parseSpf", () => {
  it("reads the first all, the provider's include (with or without + and a final dot) and redirects", () => {
    expect(parseSpf("v=spf1 +include:_spf.emfwd.name-services.com. -all ~all")).toEqual({
      all: "-",
      includesProvider: true,
      redirects: false,
    });
    expect(parseSpf("V=SPF1 include:_spf.emfwd.name-services.com.evil.net redirect=x.example")).toEqual({
      all: null,
      includesProvider: false,
      redirects: true,
    });
  });
});

describe("spfWithProvider", () => {
  it("does not repeat a mechanism two merged records share", () => {
    expect(spfWithProvider(["v=spf1 mx a ~all", "v=spf1 MX include:x.example -all"])).toBe(
      "v=spf1 mx a include:x.example include:_spf.emfwd.name-services.com ~all",
    );
  });
});
