import { describe, expect, it } from "vitest";
import { EnomParams } from "./params";

describe("EnomParams", () => {
  it("reads names without regard to case", () => {
    const params = EnomParams.parse("command=SetupPop3user&BundleID=5134&sld=resellerdocs");
    expect(params.get("COMMAND")).toBe("SetupPop3user");
    expect(params.get("bundleid")).toBe("5134");
    expect(params.get("SLD")).toBe("resellerdocs");
    expect(params.get("TLD")).toBeUndefined();
  });

  it("decodes + and percent escapes as a form does", () => {
    expect(EnomParams.parse("DisplayName1=James+Doe&x=%3Cb%3E%26").get("displayname1")).toBe("James Doe");
    expect(EnomParams.parse("x=%3Cb%3E%26").get("x")).toBe("<b>&");
  });

  it("lets the POST body win over the query string for the same name", () => {
    const params = EnomParams.parse("command=GetPOP3&sld=fromquery", "SLD=frombody&tld=com");
    expect(params.get("sld")).toBe("frombody");
    expect(params.get("tld")).toBe("com");
    expect(params.get("command")).toBe("GetPOP3");
  });

  it("joins a name sent twice with ', ' as ASP does, so the value is refused rather than guessed", () => {
    expect(EnomParams.parse("sld=a&SLD=b").get("sld")).toBe("a, b");
  });

  it("lists the indices of an indexed parameter in order", () => {
    const params = EnomParams.parse("UserName2=b&username1=a&UserName10=c&UserNameX=d&Password1=x");
    expect(params.indicesOf("UserName")).toEqual([1, 2, 10]);
  });

  it("keeps what was sent, as sent, for the call log", () => {
    expect(EnomParams.parse("UID=resellid&pw=x", "Password1=y").sent).toEqual([
      ["UID", "resellid"],
      ["pw", "x"],
      ["Password1", "y"],
    ]);
  });

  it("treats a name with a stray character (seeds/002's `command>DeletePop3`) as another name", () => {
    const params = EnomParams.parse("uid=resellid&command>DeletePop3&sld=x");
    expect(params.get("command")).toBeUndefined();
    expect(params.get("command>DeletePop3")).toBe("");
  });
});
