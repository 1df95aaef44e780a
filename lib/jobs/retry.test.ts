import { describe, expect, it } from "vitest";
import { EnomUnavailable } from "@/lib/enom/errors";
import { retryRead } from "./retry";

function unavailable(): EnomUnavailable {
  return new EnomUnavailable({
    command: "GetPOP3",
    kind: "read",
    reason: "connect",
    outcome: "not-sent",
    detail: "no answer",
  });
}

describe("a job's reads", () => {
  it("are tried again while eNom does not answer, up to three tries in all", async () => {
    let calls = 0;
    const read = async () => {
      calls += 1;
      if (calls < 3) throw unavailable();
      return "read";
    };
    await expect(retryRead(read, [0, 0])).resolves.toBe("read");
    expect(calls).toBe(3);
  });

  it("give up after the last try with eNom's unavailability", async () => {
    let calls = 0;
    const read = async () => {
      calls += 1;
      throw unavailable();
    };
    await expect(retryRead(read, [0, 0])).rejects.toBeInstanceOf(EnomUnavailable);
    expect(calls).toBe(3);
  });

  it("are not tried again when eNom answered with a refusal or the panel failed", async () => {
    let calls = 0;
    const read = async () => {
      calls += 1;
      throw new Error("Domain name not found");
    };
    await expect(retryRead(read, [0, 0])).rejects.toThrow("Domain name not found");
    expect(calls).toBe(1);
  });
});
