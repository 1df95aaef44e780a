import { createRequire } from "node:module";
import { NextRequest } from "next/server";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...nextauth]/route";
import { GET as exportAudit } from "@/app/api/audit/export/route";
import { disableTotpAction } from "@/lib/actions/account";
import { getDb } from "@/lib/db";
import { updateUser, updateUserKeepingAnAdmin } from "@/lib/users/queries";
import { createTestUser } from "@/test/fixtures";
import { getSignInLimiters } from "./rate-limit";

/**
 * Sign-out ends the session on the server: a copy of the cookie taken before signing out is
 * refused by GET routes and server actions, and next-auth's session route does not refresh it.
 * The test drives next-auth's own route with a cookie jar, as a browser would.
 */

const { jar, fakeHeaders } = vi.hoisted(() => {
  const jar = new Map<string, string>();
  const fakeHeaders = {
    cookies: async () => ({
      getAll: () => [...jar].map(([name, value]) => ({ name, value })),
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
      has: (name: string) => jar.has(name),
      set: () => undefined,
      delete: () => undefined,
    }),
    headers: async () => new Headers({ host: "panel.test", "user-agent": "vitest" }),
  };
  return { jar, fakeHeaders };
});

vi.mock("next/headers", () => fakeHeaders);
// next-auth's route handler `require`s next/headers itself, past Vitest's mocks.
Object.assign(createRequire(import.meta.url)("next/headers") as object, fakeHeaders);
vi.mock("next/server", async (original) => ({
  ...(await original<typeof import("next/server")>()),
  // Outside a request there is nothing to wait for.
  connection: async () => undefined,
}));

const SESSION_COOKIE = "next-auth.session-token";
const PASSWORD = "correct-horse-battery";
let counter = 0;

/** Calls next-auth's route as the browser would, keeping the cookies it sets. */
async function auth(method: "GET" | "POST", action: string[], form?: Record<string, string>) {
  const request = new NextRequest(`http://panel.test/api/auth/${action.join("/")}`, {
    method,
    headers: form ? { "content-type": "application/x-www-form-urlencoded" } : {},
    body: form ? new URLSearchParams({ ...form, json: "true" }).toString() : undefined,
  });
  const handler = method === "GET" ? authGet : authPost;
  const response = await handler(request, { params: Promise.resolve({ nextauth: action }) });
  for (const cookie of response.headers.getSetCookie()) {
    const [pair = "", ...attributes] = cookie.split(";");
    const name = pair.slice(0, pair.indexOf("="));
    const value = pair.slice(pair.indexOf("=") + 1);
    const expired = attributes.some(
      (a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a) || /^\s*max-age=0$/i.test(a),
    );
    if (!value || expired) jar.delete(name);
    else jar.set(name, decodeURIComponent(value));
  }
  return response;
}

async function csrfToken(): Promise<string> {
  const response = await auth("GET", ["csrf"]);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

async function signIn(email: string): Promise<string> {
  await auth("POST", ["callback", "credentials"], {
    csrfToken: await csrfToken(),
    email,
    password: PASSWORD,
  });
  const token = jar.get(SESSION_COOKIE);
  if (!token) throw new Error("The sign-in set no session cookie.");
  return token;
}

async function signOut(): Promise<void> {
  await auth("POST", ["signout"], { csrfToken: await csrfToken() });
}

/** What a GET route answers to the cookie in the jar. */
async function readAuditExport(): Promise<number> {
  const response = await exportAudit(new NextRequest("http://panel.test/api/audit/export"));
  await response.body?.cancel();
  return response.status;
}

/** What a server action answers: signed in, the user's own two-factor is simply already off. */
async function writeWithAction(): Promise<string> {
  const result = await disableTotpAction({ currentPassword: PASSWORD });
  return result.ok ? "ok" : result.message;
}

async function sessionRoute(): Promise<{ body: unknown; refreshed: boolean }> {
  const response = await auth("GET", ["session"]);
  const refreshed = response.headers
    .getSetCookie()
    .some((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`) && !cookie.startsWith(`${SESSION_COOKIE}=;`));
  return { body: await response.json(), refreshed };
}

async function newAdmin() {
  counter += 1;
  const email = `signout${counter}-${Date.now()}@reseller.test`;
  const user = await createTestUser({ email, role: "admin", password: PASSWORD });
  return { ...user, email };
}

const SIGNED_OUT = "Your session has ended. Sign in again to continue.";
const ALREADY_OFF = "Two-factor sign-in is already off.";

// The first calls load next-auth's route and open the database: not part of any test's time.
beforeAll(async () => {
  await getDb();
  await csrfToken();
  await readAuditExport();
});

beforeEach(async () => {
  jar.clear();
  // Every test signs in from the same (unknown) address; its limit is not under test here.
  await getSignInLimiters().ip.delete("");
});

describe("signing out", () => {
  it("ends the session on the server: a copied cookie no longer reads, writes or slides", async () => {
    const admin = await newAdmin();
    const copied = await signIn(admin.email);

    // Signed in: the GET route and the action accept the cookie, and the session route refreshes it.
    expect(await readAuditExport()).toBe(200);
    expect(await writeWithAction()).toBe(ALREADY_OFF);
    const live = await sessionRoute();
    expect(live.body).toMatchObject({ user: { email: admin.email } });
    expect(live.refreshed).toBe(true);

    await signOut();
    expect(jar.has(SESSION_COOKIE)).toBe(false);

    // The copy, put back into the browser after signing out.
    jar.set(SESSION_COOKIE, copied);
    expect(await readAuditExport()).toBe(401);
    expect(await writeWithAction()).toBe(SIGNED_OUT);
    const ended = await sessionRoute();
    expect(ended.body).toEqual({});
    expect(ended.refreshed).toBe(false);
    expect(jar.has(SESSION_COOKIE)).toBe(false);
  });

  it("ends only the session signed out of; the user's other sessions go on", async () => {
    const admin = await newAdmin();
    const laptop = await signIn(admin.email);
    jar.clear();
    const phone = await signIn(admin.email);
    await signOut();

    jar.set(SESSION_COOKIE, phone);
    expect(await readAuditExport()).toBe(401);
    jar.set(SESSION_COOKIE, laptop);
    expect(await readAuditExport()).toBe(200);
  });
});

describe("disabling a user", () => {
  it("ends their sessions for good: enabling them again does not revive an old cookie", async () => {
    const admin = await newAdmin();
    await newAdmin(); // another active admin, so this one may be disabled
    const copied = await signIn(admin.email);
    expect(await readAuditExport()).toBe(200);

    expect(await updateUserKeepingAnAdmin(admin.id, { disabled: true })).toBe("updated");
    expect(await readAuditExport()).toBe(401);
    await updateUser(admin.id, { disabled: false });

    jar.set(SESSION_COOKIE, copied);
    expect(await readAuditExport()).toBe(401);
    expect(await writeWithAction()).toBe(SIGNED_OUT);
    // A new sign-in works as usual.
    jar.clear();
    await signIn(admin.email);
    expect(await readAuditExport()).toBe(200);
  });
});
