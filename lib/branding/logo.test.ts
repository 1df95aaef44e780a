import { describe, expect, it } from "vitest";
import { checkLogo, detectLogoType, MAX_LOGO_BYTES } from "./logo";

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
const JPEG = [0xff, 0xd8, 0xff, 0xe0, 0, 16];
const WEBP = [...Buffer.from("RIFF"), 0x24, 0, 0, 0, ...Buffer.from("WEBPVP8 ")];
const bytes = (values: number[]) => new Uint8Array(values);

describe("detectLogoType", () => {
  it("recognises PNG, JPEG and WebP by their first bytes", () => {
    expect(detectLogoType(bytes(PNG))).toBe("image/png");
    expect(detectLogoType(bytes(JPEG))).toBe("image/jpeg");
    expect(detectLogoType(bytes(WEBP))).toBe("image/webp");
  });

  it("refuses SVG, GIF, HTML and a RIFF file that is not WebP", () => {
    expect(detectLogoType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(detectLogoType(new TextEncoder().encode("GIF89a"))).toBeNull();
    expect(detectLogoType(new TextEncoder().encode("<html><script>alert(1)</script>"))).toBeNull();
    expect(detectLogoType(bytes([...Buffer.from("RIFF"), 0, 0, 0, 0, ...Buffer.from("WAVE")]))).toBeNull();
  });
});

describe("checkLogo", () => {
  it("accepts an image up to 256 KB", () => {
    const image = new Uint8Array(MAX_LOGO_BYTES);
    image.set(PNG);
    expect(checkLogo(image)).toEqual({ ok: true, contentType: "image/png" });
  });

  it("says how big a file is when it is too big", () => {
    const image = new Uint8Array(MAX_LOGO_BYTES + 1);
    image.set(PNG);
    const result = checkLogo(image);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/257 KB.*at most 256 KB/);
  });

  it("names the accepted types for a wrong file, and asks for a file when empty", () => {
    const svg = checkLogo(new TextEncoder().encode("<svg/>"));
    expect(!svg.ok && svg.message).toMatch(/PNG, JPEG or WebP/);
    const empty = checkLogo(new Uint8Array());
    expect(!empty.ok && empty.message).toMatch(/Choose an image/);
  });
});
