import "server-only";
import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordAudit } from "@/lib/audit";
import { getEnv } from "@/lib/env";
import { requestContextFrom } from "@/lib/request-context";
import { endSession } from "@/lib/auth/sessions";
import { logger } from "@/lib/logger";
import { decodeSessionToken, encodeSessionToken } from "./jwt";
import {
  SESSION_ABSOLUTE_SECONDS,
  SESSION_IDLE_SECONDS,
  activeSessionRow,
  sessionClaims,
  sessionExpiry,
} from "./session-claims";
import { authenticate } from "./sign-in";

export { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS, sessionClaims };

/**
 * Thrown by the jwt callback for a session that no longer counts: next-auth then clears the
 * cookie instead of re-issuing it, so `/api/auth/session` cannot slide an ended session forward.
 */
export class SessionEndedError extends Error {
  constructor() {
    super("The session has ended.");
    this.name = "SessionEndedError";
  }
}

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
    // An ended session's cookie is cleared by next-auth after our jwt callback refuses it; that is
    // the expected way for it to go, not an error worth a log line.
    logger: {
      error(code, metadata) {
        if (isSessionEnded(metadata)) return;
        logger.error({ source: "next-auth", code, err: metadata }, `next-auth: ${code}`);
      },
    },
    events: {
      // Signing out ends this session for good: a copy of the cookie is refused from now on.
      async signOut({ token }) {
        if (!token?.uid) return;
        const claims = sessionClaims(token);
        if (claims.sessionId) {
          await endSession({
            sessionId: claims.sessionId,
            userId: claims.id,
            expiresAt: sessionExpiry(claims),
          });
        }
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
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.sv = user.sessionVersion;
          token.sid = randomUUID();
          token.authTime = Math.floor(Date.now() / 1000);
          return token;
        }
        // Every later use (the session route refreshing the cookie) checks the session still counts.
        if (!(await activeSessionRow(sessionClaims(token)))) throw new SessionEndedError();
        return token;
      },
      session({ session, token }) {
        session.user = sessionClaims(token);
        return session;
      },
    },
  };
}

function isSessionEnded(metadata: unknown): boolean {
  if (metadata instanceof SessionEndedError) return true;
  const named = (value: unknown) =>
    typeof value === "object" && value !== null && "name" in value && value.name === "SessionEndedError";
  return (
    named(metadata) ||
    (typeof metadata === "object" && metadata !== null && "error" in metadata && named(metadata.error))
  );
}
