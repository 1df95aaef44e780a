import "server-only";
import { createHash, randomInt } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { claimRecoveryCode, claimTotpStep } from "@/lib/users/queries";
import type { UserRow } from "@/lib/db/schema";
import { openSecret } from "./secret-box";

export const TOTP_ISSUER = "Mailpak";
const RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const RECOVERY_CODE_COUNT = 10;

export function newTotpSecret(): string {
  return generateSecret();
}

/**
 * What an authenticator app scans: the otpauth URI and the same as a QR code (SVG data URL). The
 * issuer is the name the app shows: the reseller's product name for a portal user.
 */
export async function totpEnrollment(secret: string, accountEmail: string, issuer: string = TOTP_ISSUER) {
  const uri = generateURI({ issuer, label: accountEmail, secret });
  const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { uri, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(qrSvg).toString("base64")}` };
}

/**
 * Accepts the current code and the one either side of it, for clocks that drift a little, but only
 * a time step later than `afterTimeStep` (the last one used), so no code works twice. Returns the
 * code's time step, or null.
 */
export async function verifyTotpCode(
  secret: string,
  code: string,
  afterTimeStep?: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const result = await verify({
      secret,
      token: code,
      epochTolerance: 30,
      ...(afterTimeStep != null ? { afterTimeStep } : {}),
    });
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    return null;
  }
}

/** A user's code, checked and then claimed, so the same code cannot be used a second time. */
export async function acceptTotpCode(
  user: Pick<UserRow, "id" | "totpLastStep">,
  sealedSecret: string,
  code: string,
): Promise<boolean> {
  const step = await verifyTotpCode(openSecret(sealedSecret), code, user.totpLastStep);
  return step !== null && (await claimTotpStep(user.id, step));
}

export function generateRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    let code = "";
    for (let i = 0; i < 10; i += 1) code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
    return `${code.slice(0, 5)}-${code.slice(5)}`;
  });
}

function normaliseRecoveryCode(code: string): string {
  return code.replace(/[\s-]/g, "").toUpperCase();
}

/** Recovery codes are random enough that a plain SHA-256 is a safe way to keep them. */
export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normaliseRecoveryCode(code)).digest("hex");
}

/**
 * Uses up one of the user's recovery codes: the database removes it in one statement, so a code
 * sent several times at once signs in once. Returns how many codes are left, or null when `code`
 * is not an unused one.
 */
export async function acceptRecoveryCode(userId: string, code: string): Promise<number | null> {
  return claimRecoveryCode(userId, hashRecoveryCode(code));
}
