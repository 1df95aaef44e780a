import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { effectivePortalHost, portalHostRedirect } from "@/lib/branding/portal-host";
import { currentPortalHost } from "@/lib/branding/portal-host-cache";
import {
  STRICT_TRANSPORT_SECURITY,
  contentSecurityPolicy,
  createNonce,
  isHttpsUrl,
} from "@/lib/security/csp";
import { REQUEST_ID_HEADER, acceptedRequestId } from "@/lib/security/request-id";

/**
 * Per request: a request id (forwarded to the app and echoed on the response), HSTS over https,
 * and for pages a Content Security Policy with a fresh nonce that Next.js puts on its scripts.
 * Then redirects only (Next.js 16: proxy is not an authorization layer): signed-out visitors go
 * to the sign-in page; customers landing on the staff dashboard go to their portal. On the portal's
 * own address (Settings → Branding) every staff page goes to the portal, and the sign-in page shows
 * the portal's brand (the Host header chooses the look only; links in emails use PUBLIC_URL).
 * Every page and action checks the user again through lib/auth; this only saves a round trip. The
 * headers that never change are in next.config.js.
 */
const PUBLIC_PATHS = ["/sign-in", "/invite", "/reset-password"];

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // The proxy runs outside lib/env's reach; it reads the few variables it needs itself.
  const https = isHttpsUrl(process.env.PUBLIC_URL);
  const requestId = acceptedRequestId(request.headers.get(REQUEST_ID_HEADER));
  const forwarded = new Headers(request.headers);
  forwarded.set(REQUEST_ID_HEADER, requestId);
  const responseHeaders = new Headers({ [REQUEST_ID_HEADER]: requestId });
  if (https) responseHeaders.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);

  const isApi = pathname === "/api" || pathname.startsWith("/api/");
  if (!isApi) {
    const nonce = createNonce();
    const policy = contentSecurityPolicy({
      nonce,
      https,
      development: process.env.NODE_ENV === "development",
    });
    // Next.js reads the nonce from the request's CSP header and puts it on its own scripts;
    // x-nonce is for the app's (next-themes' inline script).
    forwarded.set("x-nonce", nonce);
    forwarded.set("Content-Security-Policy", policy);
    responseHeaders.set("Content-Security-Policy", policy);
  }

  const respond = (response: NextResponse) => {
    responseHeaders.forEach((value, name) => response.headers.set(name, value));
    return response;
  };
  const next = () => respond(NextResponse.next({ request: { headers: forwarded } }));
  if (isApi) return next();

  // Same-origin redirects reach the browser as a relative Location, so it stays on this host.
  const portalHost = effectivePortalHost(await currentPortalHost(), process.env.PUBLIC_URL);
  const toPortal = portalHostRedirect(request.headers.get("host"), pathname, portalHost);
  if (toPortal) return respond(NextResponse.redirect(new URL(toPortal, request.url)));

  const isPublic = PUBLIC_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`));
  const token = await getToken({ req: request, secret: process.env.AUTH_SECRET, secureCookie: https }).catch(
    () => null,
  );
  if (!token) {
    if (isPublic) return next();
    const signIn = new URL("/sign-in", request.url);
    if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return respond(NextResponse.redirect(signIn));
  }
  // A token is not proof of a live session (it may be revoked), so /sign-in decides for itself.
  if (pathname === "/" && token.role === "customer")
    return respond(NextResponse.redirect(new URL("/portal", request.url)));
  return next();
}

/**
 * Everything but Next.js's own static files and public/'s one file. Not "every path ending in
 * .png": a page can be asked for as /domains/logo.png, and it needs its policy like any other.
 */
export const config = {
  matcher: ["/((?!_next/static/|_next/image|favicon\\.svg$).*)"],
};
