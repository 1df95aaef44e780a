import { decode as nextAuthDecode, encode as nextAuthEncode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken, encodeSessionToken, encryptionKey } from "./jwt";

const secret = "a-test-secret-that-is-long-enough-0123456789";
const claims = { uid: "user-1", email: "ada@example.test", name: "Ada", role: "admin" as const, sv: 3 };

describe("session tokens", () => {
  it("reads tokens next-auth issued, so existing sessions keep working", async () => {
    const token = await nextAuthEncode({ token: claims, secret, maxAge: 60 });
    await expect(decodeSessionToken({ token, secret })).resolves.toMatchObject(claims);
  });

  it("issues tokens next-auth reads", async () => {
    const token = await encodeSessionToken({ token: claims, secret, maxAge: 60 });
    const decoded = await nextAuthDecode({ token, secret });
    expect(decoded).toMatchObject(claims);
    expect(decoded?.exp).toBe((decoded?.iat as number) + 60);
    expect(decoded?.jti).toEqual(expect.any(String));
  });

  it("keeps salts apart, as next-auth does", async () => {
    const token = await nextAuthEncode({ token: claims, secret, salt: "other", maxAge: 60 });
    await expect(decodeSessionToken({ token, secret, salt: "other" })).resolves.toMatchObject(claims);
    await expect(decodeSessionToken({ token, secret })).rejects.toThrow();
  });

  it("refuses a token made with another secret", async () => {
    const token = await nextAuthEncode({ token: claims, secret: `${secret}-other`, maxAge: 60 });
    await expect(decodeSessionToken({ token, secret })).rejects.toThrow();
  });

  it("refuses an expired token (beyond next-auth's 15 s of clock tolerance)", async () => {
    const token = await encodeSessionToken({ token: claims, secret, maxAge: -16 });
    await expect(decodeSessionToken({ token, secret })).rejects.toThrow();
  });

  it("refuses a tampered token", async () => {
    const token = await encodeSessionToken({ token: claims, secret, maxAge: 60 });
    const parts = token.split(".");
    const ciphertext = parts[3] ?? "";
    parts[3] = `${ciphertext.startsWith("A") ? "B" : "A"}${ciphertext.slice(1)}`;
    await expect(decodeSessionToken({ token: parts.join("."), secret })).rejects.toThrow();
  });

  it("has no session without a token", async () => {
    await expect(decodeSessionToken({ token: undefined, secret })).resolves.toBeNull();
  });

  it("derives the key once per secret and salt", async () => {
    expect(encryptionKey(secret)).toBe(encryptionKey(secret));
    expect(encryptionKey(secret)).not.toBe(encryptionKey(secret, "other"));
    expect(encryptionKey(secret)).not.toBe(encryptionKey(`${secret}-other`));
  });
});
