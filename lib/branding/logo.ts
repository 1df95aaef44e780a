/**
 * What a logo upload may be: a small PNG, JPEG or WebP image, recognised by its first bytes (never
 * by its name or the type the browser claims). SVG is refused: it can carry scripts. Pure, so the
 * form can say the same thing before uploading.
 */
export const MAX_LOGO_BYTES = 256 * 1024;

export const LOGO_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

/** For the file picker; the server checks the bytes regardless. */
export const LOGO_ACCEPT = LOGO_TYPES.join(",");

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  signature.every((byte, index) => bytes[offset + index] === byte);

/** The image type its magic bytes say, or null for anything else. */
export function detectLogoType(bytes: Uint8Array): LogoType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return "image/webp";
  return null;
}

export type LogoCheck = { ok: true; contentType: LogoType } | { ok: false; message: string };

export function checkLogo(bytes: Uint8Array): LogoCheck {
  if (bytes.byteLength === 0) return { ok: false, message: "Choose an image file for the logo." };
  if (bytes.byteLength > MAX_LOGO_BYTES)
    return {
      ok: false,
      message: `That image is ${Math.ceil(bytes.byteLength / 1024)} KB; the logo can be at most 256 KB. Save it smaller and try again.`,
    };
  const contentType = detectLogoType(bytes);
  if (!contentType)
    return {
      ok: false,
      message: "The logo must be a PNG, JPEG or WebP image. SVG and other files are not accepted.",
    };
  return { ok: true, contentType };
}
