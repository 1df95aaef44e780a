import pino from "pino";
import { describe, expect, it, vi } from "vitest";
import { ForbiddenError, NotFoundError, NotSignedInError, RuleError } from "@/lib/auth/errors";
import { logger } from "@/lib/logger";
import { actionErrorStatus, observeAction, observeRoute } from "./observe";
import { getMetrics } from "./registry";

const REQUEST_ID = "0b8f6a52-3c1d-4e8f-9a7b-5d6c4e3f2a1b";
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-request-id": REQUEST_ID }),
}));

/** What pino's mixin adds to a line written right now. */
const lineContext = () => (logger as unknown as Record<symbol, () => object>)[pino.symbols.mixinSym]?.();

async function countOf(route: string, status: number): Promise<number> {
  const metric = await getMetrics().httpDuration.get();
  const sample = metric.values.find(
    (value) =>
      value.metricName === "mailpak_http_request_duration_seconds_count" &&
      value.labels.route === route &&
      value.labels.status === String(status),
  );
  return sample?.value ?? 0;
}

describe("observing server actions", () => {
  it("records the status the result stands for, and tags log lines with the request id", async () => {
    let insideContext: object | undefined;
    const result = await observeAction("test.ok", async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      insideContext = lineContext();
      return { ok: true as const, data: 1 };
    });
    expect(result).toEqual({ ok: true, data: 1 });
    expect(insideContext).toEqual({ requestId: REQUEST_ID });
    expect(lineContext()).toEqual({});
    expect(await countOf("action:test.ok", 200)).toBe(1);

    await observeAction("test.failed", async () => ({ ok: false as const, message: "eNom refused" }));
    expect(await countOf("action:test.failed", 422)).toBe(1);

    await observeAction("test.invalid", async (setStatus) => {
      setStatus(400);
      return { ok: false as const, message: "Please correct the highlighted fields." };
    });
    expect(await countOf("action:test.invalid", 400)).toBe(1);
  });

  it("starts the action before anything else is awaited", async () => {
    let started = false;
    const pending = observeAction("test.sync", async () => {
      started = true;
      return { ok: true as const, data: null };
    });
    expect(started).toBe(true);
    await pending;
  });

  it("maps the envelope's failures to HTTP statuses", () => {
    expect(actionErrorStatus(new NotSignedInError())).toBe(401);
    expect(actionErrorStatus(new ForbiddenError())).toBe(403);
    expect(actionErrorStatus(new NotFoundError("That domain"))).toBe(404);
    expect(actionErrorStatus(new RuleError("The last admin stays."))).toBe(409);
    expect(actionErrorStatus(new Error("bug"))).toBe(500);
  });
});

describe("observing route handlers", () => {
  it("records the route pattern, method and response status", async () => {
    const GET = observeRoute("/api/things/[id]", async (request: Request) => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(lineContext()).toEqual({ requestId: REQUEST_ID });
      return new Response(request.url, { status: 404 });
    });
    const response = await GET(new Request("http://panel.test/api/things/42"));
    expect(response.status).toBe(404);
    expect(await countOf("/api/things/[id]", 404)).toBe(1);
  });

  it("records a handler that throws as a 500 and lets the error through", async () => {
    const POST = observeRoute("/api/broken", async (_request: Request) => {
      throw new Error("bug");
    });
    await expect(POST(new Request("http://panel.test/api/broken", { method: "POST" }))).rejects.toThrow(
      "bug",
    );
    expect(await countOf("/api/broken", 500)).toBe(1);
  });
});
