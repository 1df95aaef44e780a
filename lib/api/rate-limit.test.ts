import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { consumeApiRateLimit, createApiRateLimiter, getApiRateLimiter } from "./rate-limit";

describe("API rate limit per key, in memory", () => {
  it("counts down, refuses past the limit with a wait, and keeps keys apart", async () => {
    const limiter = createApiRateLimiter({ perMinute: 3 });
    const key = randomUUID();
    const answers = [];
    for (let call = 0; call < 3; call += 1) answers.push(await consumeApiRateLimit(key, limiter));
    expect(answers.map((answer) => answer.ok && answer.remaining)).toEqual([2, 1, 0]);
    expect(answers[0]).toMatchObject({ ok: true, limit: 3 });
    const first = answers[0];
    expect(first?.ok && first.resetSeconds).toBeGreaterThanOrEqual(1);
    expect(first?.ok && first.resetSeconds).toBeLessThanOrEqual(60);

    const refused = await consumeApiRateLimit(key, limiter);
    expect(refused).toMatchObject({ ok: false, limit: 3 });
    expect(!refused.ok && refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(!refused.ok && refused.retryAfterSeconds).toBeLessThanOrEqual(60);

    expect(await consumeApiRateLimit(randomUUID(), limiter)).toMatchObject({ ok: true, remaining: 2 });
  });

  it("defaults to 120 calls a minute", async () => {
    delete process.env.API_RATE_LIMIT_PER_MINUTE;
    delete process.env.REDIS_URL;
    expect(getApiRateLimiter().limit).toBe(120);
    expect(await consumeApiRateLimit(randomUUID())).toMatchObject({ ok: true, remaining: 119, limit: 120 });
  });
});
