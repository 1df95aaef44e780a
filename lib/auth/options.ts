import "server-only";
import type { NextAuthOptions, Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordAudit } from "@/lib/audit";
import { getEnv } from "@/lib/env";
import { requestContextFrom } from "@/lib/request-context";
import { decodeSessionToken, encodeSessionToken } from "./jwt";
import { authenticate } from "./sign-in";

/** A session ends after this long without activity (the cookie slides while the panel is used)… */
export const SESSION_IDLE_SECONDS = 8 * 60 * 60;
/** …and in any case this long after sign-in. */
export const SESSION_ABSOLUTE_SECONDS = 7 * 24 * 60 * 60;

/** Error codes the sign-in form turns into sentences; see `signInMessage`. */
export function signInErrorCode(result: Awaited<ReturnType<typeof authenticate>>): string {
  switch (result.kind) {
    case "locked":
    case "rate-limited":
      return `${result.kind}:${result.minutes}`;
    default:
      return result.kind;
  }
}

/**
 * next-auth v4 builds its URLs from NEXTAUTH_URL. Mailpak's contract names PUBLIC_URL instead;
 * without it the panel trusts the Host header (fine on localhost or behind a proxy that sets it).
 */
function configureOrigin(publicUrl: string | undefined): void {
  if (publicUrl) process.env.NEXTAUTH_URL ??= publicUrl;
  else process.env.AUTH_TRUST_HOST ??= "true";
}

function usesSecureCookies(publicUrl: string | undefined): boolean {
  return publicUrl?.startsWith("https://") ?? false;
}

/** The session cookie's name, as next-auth names it (`__Secure-` over https). */
export function sessionCookieName(publicUrl: string | undefined): string {
  return `${usesSecureCookies(publicUrl) ? "__Secure-" : ""}next-auth.session-token`;
}

/** What a session says about its user, from the token's claims. */
export function sessionClaims(token: JWT): Session["user"] {
  return {
    id: token.uid ?? "",
    email: token.email ?? "",
    name: token.name ?? "",
    role: token.role ?? "customer",
    sessionVersion: token.sv ?? 0,
    authTime: token.authTime ?? 0,
  };
}

export function authOptions(): NextAuthOptions {
  const env = getEnv();
  configureOrigin(env.PUBLIC_URL);
  return {
    secret: env.AUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS, updateAge: 5 * 60 },
    // next-auth's own format, with the key derived once instead of on every request.
    jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
    useSecureCookies: usesSecureCookies(env.PUBLIC_URL),
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" }, otp: { type: "text" } },
        async authorize(credentials, request) {
          const headerBag = new Headers(request?.headers as Record<string, string> | undefined);
          const result = await authenticate(credentials, requestContextFrom(headerBag));
          if (result.kind !== "ok") throw new Error(signInErrorCode(result));
          const { user } = result;
          return {
            id: user.id,
            email: user.email,
            name: user.name,
            role: user.role,
            sessionVersion: user.sessionVersion,
          };
        },
      }),
    ],
    events: {
      async signOut({ token }) {
        if (!token?.uid) return;
        await recordAudit({
          actor: { id: token.uid, email: token.email ?? "", role: token.role ?? "unknown" },
          action: "auth.sign-out",
          outcome: "ok",
          summary: "Signed out",
          targetUserId: token.uid,
        });
      },
    },
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.sv = user.sessionVersion;
          token.authTime = Math.floor(Date.now() / 1000);
        }
        return token;
      },
      session({ session, token }) {
        session.user = sessionClaims(token);
        return session;
      },
    },
  };
}
