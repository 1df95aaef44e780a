import { describe, expect, it } from "vitest";
import { retryDelayMs, WEBHOOK_MAX_ATTEMPTS } from "./model";
import { INTERNAL_ADDRESS_REFUSED, isInternalAddress, webhookUrlProblem } from "./url-policy";

describe("where webhooks may go", () => {
  const strict = { allowPrivate: false };
  const lenient = { allowPrivate: true };

  it("only http and https, without credentials in the address", () => {
    expect(webhookUrlProblem("https://billing.example.com/hooks", strict)).toBeNull();
    expect(webhookUrlProblem("http://billing.example.com:8080/hooks?x=1", strict)).toBeNull();
    for (const url of [
      "ftp://billing.example.com/",
      "file:///etc/passwd",
      "javascript:alert(1)",
      "billing.example.com",
    ])
      expect(webhookUrlProblem(url, lenient)).not.toBeNull();
    expect(webhookUrlProblem("https://user:pass@billing.example.com/", lenient)).toMatch(
      /user name or password/,
    );
  });

  it("refuses loopback, private, link-local and metadata addresses unless allowed", () => {
    for (const url of [
      "http://127.0.0.1:3000/",
      "http://localhost/hooks",
      "http://api.localhost/",
      "http://10.1.2.3/",
      "http://172.16.0.9/",
      "http://192.168.1.10/",
      "http://169.254.169.254/latest/meta-data",
      "http://0.0.0.0/",
      "http://[::1]/",
      "http://[fd00::1]/",
      "http://[::ffff:10.0.0.1]/",
    ]) {
      expect(webhookUrlProblem(url, strict), url).toBe(INTERNAL_ADDRESS_REFUSED);
      expect(webhookUrlProblem(url, lenient), url).toBeNull();
    }
    expect(webhookUrlProblem("http://8.8.8.8/", strict)).toBeNull();
    expect(webhookUrlProblem("http://[2001:4860:4860::8888]/", strict)).toBeNull();
  });

  it("knows internal addresses as resolved names give them", () => {
    expect(isInternalAddress("127.0.0.53")).toBe(true);
    expect(isInternalAddress("100.64.0.1")).toBe(true);
    expect(isInternalAddress("fe80::1")).toBe(true);
    expect(isInternalAddress("93.184.216.34")).toBe(false);
    expect(isInternalAddress("not an address")).toBe(false);
  });
});

describe("the retry schedule", () => {
  it("waits 30 s, 2 min, 10 min, 1 h, 6 h, 12 h, 24 h, then gives up after the 8th attempt", () => {
    const base = 30_000;
    const waits = Array.from({ length: WEBHOOK_MAX_ATTEMPTS }, (_, index) => retryDelayMs(index + 1, base));
    expect(waits).toEqual([30_000, 120_000, 600_000, 3_600_000, 21_600_000, 43_200_000, 86_400_000, null]);
  });

  it("scales with the base (the tests' fast retries)", () => {
    expect(retryDelayMs(1, 50)).toBe(50);
    expect(retryDelayMs(3, 50)).toBe(1_000);
    expect(retryDelayMs(0, 50)).toBeNull();
  });
});
