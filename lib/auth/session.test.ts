import { describe, expect, it } from "vitest";
import { sessionTokenFrom } from "./session";

const name = "next-auth.session-token";

describe("the session cookie", () => {
  it("is read whole", () => {
    expect(
      sessionTokenFrom(
        [
          { name: "other", value: "x" },
          { name, value: "whole" },
        ],
        name,
      ),
    ).toBe("whole");
  });

  it("is put together from next-auth's chunks, in order", () => {
    const cookies = [
      { name: `${name}.10`, value: "k" },
      { name: `${name}.1`, value: "b" },
      { name: `${name}.0`, value: "a" },
      { name: `${name}.2`, value: "c" },
      { name: `${name}.x`, value: "ignored" },
    ];
    expect(sessionTokenFrom(cookies, name)).toBe("abck");
  });

  it("is missing when there is none", () => {
    expect(sessionTokenFrom([{ name: `__Secure-${name}`, value: "other name" }], name)).toBeUndefined();
  });
});
