import "server-only";
import type { Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { isSessionEnded } from "@/lib/auth/sessions";
import { findUserWithCustomer } from "@/lib/users/queries";
import { getEnv } from "@/lib/env";
import { isDemoEmail } from "./demo";
import { cachedSessionUser } from "./session-user-cache";

/** A session ends after this long without activity (the cookie slides while the panel is used)… */
export const SESSION_IDLE_SECONDS = 8 * 60 * 60;
/** …and in any case this long after sign-in. */
export const SESSION_ABSOLUTE_SECONDS = 7 * 24 * 60 * 60;

export type SessionClaims = Session["user"];

/** What a session says about its user, from the token's claims. */
export function sessionClaims(token: JWT): SessionClaims {
  return {
    id: token.uid ?? "",
    email: token.email ?? "",
    name: token.name ?? "",
    role: token.role ?? "customer",
    sessionVersion: token.sv ?? 0,
    sessionId: token.sid ?? "",
    authTime: token.authTime ?? 0,
  };
}

/** When a session's token stops being good anyway; an ended session's record may go then. */
export function sessionExpiry(claims: Pick<SessionClaims, "authTime">): Date {
  return new Date((claims.authTime + SESSION_ABSOLUTE_SECONDS) * 1000);
}

const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The user behind a session, or null when the session no longer counts: a JWT cannot be revoked by
 * itself, so every request checks it against the database. Signed out (its id is in the ended
 * sessions), the user disabled, their session version bumped (a new password, "sign out
 * everywhere", disabling), past its absolute lifetime, or issued before sessions had an id.
 */
export async function activeSessionRow(claims: SessionClaims) {
  if (!claims.id || !SESSION_ID.test(claims.sessionId)) return null;
  if (Date.now() / 1000 - claims.authTime > SESSION_ABSOLUTE_SECONDS) return null;

  const loaded = await cachedSessionUser(
    claims.id,
    async () => {
      const [row, ended] = await Promise.all([
        findUserWithCustomer(claims.id),
        isSessionEnded(claims.sessionId),
      ]);
      return ended ? undefined : row;
    },
    claims.sessionId,
  );
  if (!loaded) return null;
  const { user, customer } = loaded;
  if (user.disabled || user.sessionVersion !== claims.sessionVersion) return null;
  if (isDemoEmail(user.email) && getEnv().MAILPAK_DEMO !== "1") return null;
  if (user.role === "customer" && !customer) return null;
  return loaded;
}
