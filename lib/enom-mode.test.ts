import { describe, expect, it } from "vitest";
import { enomModeOf } from "./enom-mode";

describe("enomModeOf", () => {
  it.each([
    ["https://reseller.enom.com/interface.asp", "live"],
    ["https://resellertest.enom.com/interface.asp", "test"],
    ["http://127.0.0.1:4000/interface.asp", "simulator"],
    ["http://localhost:4000/interface.asp", "simulator"],
    ["https://enom.example.net/interface.asp", "custom"],
  ])("%s is %s", (url, mode) => {
    expect(enomModeOf(url)).toBe(mode);
  });
});
