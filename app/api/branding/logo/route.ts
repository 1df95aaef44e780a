import { readLogo } from "@/lib/branding/settings";

/**
 * The portal's logo, public (the sign-in page and emails show it too). Its URL carries the
 * logo's version (`?v=`), so a matching request is cached for a year and an upload changes the
 * URL; any other request revalidates with the ETag. Served as the checked image type only, never
 * sniffed, with no way to run anything.
 */
export async function GET(request: Request): Promise<Response> {
  const logo = await readLogo();
  const security = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cross-Origin-Resource-Policy": "same-origin",
  };
  if (!logo) {
    return new Response("No logo is set.", {
      status: 404,
      headers: { ...security, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-cache" },
    });
  }
  const etag = `"${logo.version}"`;
  const requested = new URL(request.url).searchParams.get("v");
  const cacheControl =
    requested === logo.version ? "public, max-age=31536000, immutable" : "public, no-cache";
  const headers = { ...security, ETag: etag, "Cache-Control": cacheControl };
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch?.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag))
    return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(logo.bytes), {
    headers: {
      ...headers,
      "Content-Type": logo.contentType,
      "Content-Length": String(logo.bytes.byteLength),
    },
  });
}
