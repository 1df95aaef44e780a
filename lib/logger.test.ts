import pino from "pino";
import { afterAll, describe, expect, it, vi } from "vitest";
import { logger, routeConsoleToLogger, withLogScope } from "./logger";

const original = { error: console.error, warn: console.warn, log: console.log };
afterAll(() => Object.assign(console, original));

describe("the panel's logger", () => {
  it("turns console output (Next.js, next-auth) into log records, errors kept whole", () => {
    const error = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const info = vi.spyOn(logger, "info").mockImplementation(() => undefined);
    routeConsoleToLogger();
    const boom = new Error("Invalid Server Actions request.");
    console.error("\u001b[31m⨯\u001b[39m", boom);
    console.log("✓ Ready in %d ms", 348);
    expect(error).toHaveBeenCalledWith({ source: "console", err: boom }, "⨯");
    expect(info).toHaveBeenCalledWith({ source: "console" }, "✓ Ready in 348 ms");
  });

  it("adds the request id of the scope a line is written in", () => {
    const mixin = (logger as unknown as Record<symbol, () => object>)[pino.symbols.mixinSym];
    expect(mixin?.()).toEqual({});
    withLogScope({ requestId: "req-12345678" }, () =>
      expect(mixin?.()).toEqual({ requestId: "req-12345678" }),
    );
  });
});
