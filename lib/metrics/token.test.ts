import { describe, expect, it } from "vitest";
import { bearerTokenMatches } from "./token";

const TOKEN = "scrape-token-0123456789abcdef";

describe("the metrics token check", () => {
  it("accepts exactly the configured bearer token", () => {
    expect(bearerTokenMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerTokenMatches(`bearer ${TOKEN}`, TOKEN)).toBe(true);
  });

  it("refuses anything else", () => {
    for (const header of [
      null,
      "",
      "Bearer",
      "Bearer ",
      TOKEN,
      `Basic ${TOKEN}`,
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(1)}`,
    ])
      expect(bearerTokenMatches(header, TOKEN), String(header)).toBe(false);
  });
});
