import "server-only";
import { createSecretKey, hkdf, randomUUID, type KeyObject } from "node:crypto";
import { EncryptJWT, jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

/**
 * next-auth 4's session token, byte for byte (JWE, alg "dir", enc "A256GCM", key from
 * HKDF-SHA256(secret, salt, "NextAuth.js Generated Encryption Key", 32)), so existing sessions keep
 * working. next-auth derives the key again on every request; the key only depends on the secret,
 * so it is derived once per secret and salt.
 */
const DEFAULT_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const CLOCK_TOLERANCE_SECONDS = 15;

const keys = new Map<string, Promise<KeyObject>>();

function deriveKey(secret: string | Buffer, salt: string): Promise<KeyObject> {
  const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
  return new Promise((resolve, reject) =>
    hkdf("sha256", secret, salt, info, 32, (error, key) =>
      error ? reject(error) : resolve(createSecretKey(Buffer.from(key))),
    ),
  );
}

export function encryptionKey(secret: string | Buffer, salt = ""): Promise<KeyObject> {
  const id = `${typeof secret === "string" ? secret : secret.toString("base64")}\u0000${salt}`;
  let key = keys.get(id);
  if (!key) {
    key = deriveKey(secret, salt);
    // A failed derivation is not remembered.
    key.catch(() => keys.delete(id));
    keys.set(id, key);
  }
  return key;
}

export async function encodeSessionToken({
  token = {},
  secret,
  maxAge = DEFAULT_MAX_AGE_SECONDS,
  salt = "",
}: JWTEncodeParams): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt(now)
    .setExpirationTime(now + maxAge)
    .setJti(randomUUID())
    .encrypt(await encryptionKey(secret, salt));
}

/** The token's claims; throws when it is malformed, forged or expired (as next-auth's decode does). */
export async function decodeSessionToken({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, await encryptionKey(secret, salt), {
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
  });
  return payload as JWT;
}
