import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

/**
 * Redirects only (Next.js 16: proxy is not an authorization layer). Signed-out visitors go to the
 * sign-in page; customers landing on the staff dashboard go to their portal. Every page and
 * action checks the user again through lib/auth; this only saves a round trip.
 */
const PUBLIC_PATHS = ["/sign-in", "/invite", "/reset-password"];

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isPublic = PUBLIC_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`));
  // The proxy runs outside lib/env's reach; it needs only the secret to read the session cookie.
  const token = await getToken({
    req: request,
    secret: process.env.AUTH_SECRET,
    secureCookie: process.env.PUBLIC_URL?.startsWith("https://") ?? false,
  }).catch(() => null);

  if (!token) {
    if (isPublic) return NextResponse.next();
    const signIn = new URL("/sign-in", request.url);
    if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  // A token is not proof of a live session (it may be revoked), so /sign-in decides for itself.
  if (pathname === "/" && token.role === "customer")
    return NextResponse.redirect(new URL("/portal", request.url));
  return NextResponse.next();
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon\\.svg|.*\\.(?:png|svg|ico|webp|jpg)$).*)"],
};
