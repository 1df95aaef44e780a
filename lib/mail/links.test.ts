import { describe, expect, it, vi } from "vitest";
import { absoluteUrl } from "./links";

vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "evil.example", "x-forwarded-host": "evil.example" }),
}));

describe("the address in emailed links", () => {
  it("without PUBLIC_URL (development, tests) is localhost, never the request's Host", async () => {
    expect(process.env.PUBLIC_URL).toBeUndefined();
    expect(await absoluteUrl("/invite/abc")).toBe("http://localhost:3000/invite/abc");
  });
});
