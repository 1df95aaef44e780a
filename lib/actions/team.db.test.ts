import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createSignInLimiters } from "@/lib/auth/rate-limit";
import { authenticate } from "@/lib/auth/sign-in";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { findUserById, updateUser } from "@/lib/users/queries";
import { customerInvitations, users } from "@/lib/db/schema";
import { linkIn, readCapturedMail } from "@/lib/mail/captured";
import { hashOneTimeToken } from "@/lib/one-time-token";
import {
  INVITES_PER_ADDRESS_PER_HOUR,
  INVITES_PER_INVITER_PER_HOUR,
  resetInviteLimits,
} from "@/lib/team/invite-limits";
import { lookUpInvitation } from "@/lib/team/invitations";
import { removeColleague, setColleagueAdmin } from "@/lib/team/members";
import { auditAfter, lastAuditId } from "@/test/audit";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs } from "@/test/session-mock";
import {
  acceptInvitationAction,
  inviteColleagueAction,
  removeColleagueAction,
  resendInvitationAction,
  revokeInvitationAction,
  setColleagueAdminAction,
} from "./team";
import { PANEL_PASSWORD_MIN } from "@/lib/validation/account";

const mailDir = vi.hoisted(() => {
  const directory = `/tmp/mailpak-team-mail-${process.pid}-${Date.now()}`;
  process.env.MAIL_CAPTURE_DIR = directory;
  process.env.SMTP_URL = "";
  return directory;
});

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const NEW_PASSWORD = "a-long-new-passphrase";

let adminA: SessionUser;
let memberA: SessionUser;
let adminB: SessionUser;
let memberB: SessionUser;
let staff: SessionUser;
let customerA: string;
let customerB: string;
let counter = 0;

async function customerAdmin(email: string, customerId: string): Promise<SessionUser> {
  const user = await createTestUser({ email, role: "customer", customerId, name: email.split("@")[0] });
  await updateUser(user.id, { customerAdmin: true });
  return user;
}

function nextEmail(): string {
  counter += 1;
  return `colleague${counter}@northwind.example`;
}

/** Invites as `admin` and returns the emailed link's token (the only place it exists). */
async function invite(admin: SessionUser, email = nextEmail(), name = "Bo Colleague") {
  signInAs(admin);
  const before = (await readCapturedMail(mailDir)).length;
  const result = await inviteColleagueAction({ email, name });
  if (!result.ok) throw new Error(result.message);
  const mails = (await readCapturedMail(mailDir)).slice(before);
  expect(mails).toHaveLength(1);
  const link = mails[0] ? linkIn(mails[0], "/invite/") : null;
  if (!link) throw new Error("The invitation email has no link.");
  const token = new URL(link).pathname.split("/").pop() ?? "";
  return { email, token, invitationId: result.data.invitationId, mail: mails[0] };
}

function accept(token: string, name = "Bo Colleague") {
  return acceptInvitationAction({ token, name, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
}

beforeAll(async () => {
  customerA = (await createTestCustomer("Northwind Traders", ["northwind.example"])).id;
  customerB = (await createTestCustomer("Contoso", ["contoso.example"])).id;
  adminA = await customerAdmin("nancy@northwind.example", customerA);
  memberA = await createTestUser({
    email: "andrew@northwind.example",
    role: "customer",
    customerId: customerA,
  });
  adminB = await customerAdmin("ceo@contoso.example", customerB);
  memberB = await createTestUser({ email: "clerk@contoso.example", role: "customer", customerId: customerB });
  staff = await createTestUser({ email: "sam@reseller.example", role: "staff" });
});

beforeEach(() => {
  signInAs(null);
  resetInviteLimits();
});

describe("inviting a colleague", () => {
  it("emails a link; the colleague sets a password, joins the same customer and signs in", async () => {
    const audit = await lastAuditId();
    const { email, token, invitationId, mail } = await invite(adminA, nextEmail(), "Bo Colleague");
    expect(mail).toMatchObject({ to: [email] });
    expect(mail?.subject).toBe("nancy invited you to Northwind Traders on Mail Portal");
    expect(`${mail?.subject}${mail?.text}${mail?.html}`).not.toMatch(/enom/i);

    // Only the token's hash is kept.
    const db = await getDb();
    const [row] = await db.select().from(customerInvitations).where(eq(customerInvitations.id, invitationId));
    expect(row?.tokenHash).toBe(hashOneTimeToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect((row?.expiresAt.getTime() ?? 0) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(await lookUpInvitation(token)).toMatchObject({
      state: "pending",
      customerName: "Northwind Traders",
    });

    const accepted = await accept(token, "Bo Colleague");
    expect(accepted).toMatchObject({ ok: true, data: { email } });
    const signIn = await authenticate({ email, password: NEW_PASSWORD }, { ip: "" }, createSignInLimiters());
    expect(signIn.kind).toBe("ok");
    if (signIn.kind === "ok") {
      expect(signIn.user).toMatchObject({
        role: "customer",
        customerId: customerA,
        customerAdmin: false,
        name: "Bo Colleague",
      });
    }

    const entries = await auditAfter(audit);
    expect(entries.find((entry) => entry.action === "team.invite")).toMatchObject({
      outcome: "ok",
      actorEmail: adminA.email,
      targetCustomerId: customerA,
    });
    expect(entries.find((entry) => entry.action === "team.invite-accept")).toMatchObject({
      outcome: "ok",
      actorEmail: email,
      targetCustomerId: customerA,
    });
    expect(JSON.stringify(entries)).not.toContain(token);
  });

  it("refuses a link used once already", async () => {
    const { token } = await invite(adminA);
    expect((await accept(token)).ok).toBe(true);
    const again = await acceptInvitationAction({
      token,
      name: "Someone Else",
      password: "another-long-password",
      confirm: "another-long-password",
    });
    expect(again).toEqual({
      ok: false,
      message: "This invitation was already used. Sign in with the password you chose.",
    });
  });

  it("refuses an expired link; sending it again makes a new link and the old one stops working", async () => {
    const { email, token, invitationId } = await invite(adminA);
    const db = await getDb();
    await db
      .update(customerInvitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(customerInvitations.id, invitationId));
    expect(await accept(token)).toEqual({
      ok: false,
      message: "This invitation has expired. Ask whoever invited you to send a new one.",
    });
    expect((await lookUpInvitation(token)).state).toBe("expired");

    signInAs(adminA);
    const before = (await readCapturedMail(mailDir)).length;
    const resent = await resendInvitationAction({ invitationId });
    expect(resent).toMatchObject({ ok: true, data: { invitationId, email } });
    const [mail] = (await readCapturedMail(mailDir)).slice(before);
    const newToken =
      new URL((mail && linkIn(mail, "/invite/")) ?? "http://x/").pathname.split("/").pop() ?? "";
    expect(newToken).not.toBe(token);
    expect((await accept(token)).message).toBe(
      "This invitation link is not valid. Ask for a new invitation.",
    );
    expect((await accept(newToken)).ok).toBe(true);
  });

  it("refuses a withdrawn invitation", async () => {
    const { token, invitationId } = await invite(adminA);
    signInAs(adminA);
    expect(await revokeInvitationAction({ invitationId })).toMatchObject({ ok: true });
    expect(await accept(token)).toEqual({
      ok: false,
      message: "This invitation was withdrawn. Ask whoever invited you if you still need access.",
    });
    expect((await lookUpInvitation(token)).state).toBe("revoked");
  });

  it("refuses a malformed or unknown link before anything else", async () => {
    expect(await accept("not-a-token")).toEqual({
      ok: false,
      message: "This invitation link is not valid. Ask for a new invitation.",
    });
    expect((await accept("A".repeat(43))).message).toBe(
      "This invitation link is not valid. Ask for a new invitation.",
    );
  });

  it("checks the invitee's password rules and keeps the invitation usable", async () => {
    const { token } = await invite(adminA);
    expect(
      await acceptInvitationAction({ token, name: "Bo", password: "short", confirm: "short" }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { password: [`Use at least ${PANEL_PASSWORD_MIN} characters.`] },
    });
    expect(
      await acceptInvitationAction({
        token,
        name: "Bo",
        password: NEW_PASSWORD,
        confirm: "something-else-1",
      }),
    ).toMatchObject({ ok: false, fieldErrors: { confirm: ["The two passwords do not match."] } });
    expect((await lookUpInvitation(token)).state).toBe("pending");
  });

  it("says clearly when the address is already on the team or has a waiting invitation", async () => {
    signInAs(adminA);
    const before = (await readCapturedMail(mailDir)).length;
    expect(await inviteColleagueAction({ email: memberA.email.toUpperCase() })).toMatchObject({
      ok: false,
      fieldErrors: { email: ["This colleague is already on your team."] },
    });
    const { email } = await invite(adminA);
    signInAs(adminA);
    expect(await inviteColleagueAction({ email })).toMatchObject({
      ok: false,
      fieldErrors: {
        email: ["This address already has an invitation waiting. Send it again from the list below."],
      },
    });
    expect(await inviteColleagueAction({ email: "not an email" })).toMatchObject({
      ok: false,
      fieldErrors: { email: ["Enter a valid email address."] },
    });
    expect((await readCapturedMail(mailDir)).length).toBe(before + 1);
  });

  it("is for a customer's administrators only: a colleague who is not one, and staff, get not found", async () => {
    for (const caller of [memberA, staff]) {
      signInAs(caller);
      const before = (await readCapturedMail(mailDir)).length;
      const audit = await lastAuditId();
      expect(await inviteColleagueAction({ email: nextEmail() })).toEqual({
        ok: false,
        message: "That page was not found.",
      });
      expect((await readCapturedMail(mailDir)).length).toBe(before);
      expect(await auditAfter(audit)).toEqual([
        expect.objectContaining({ action: "team.invite", outcome: "failed", actorEmail: caller.email }),
      ]);
    }
  });

  it("stops working for an administrator whose flag was taken away", async () => {
    const former = await customerAdmin(`former${Date.now()}@northwind.example`, customerA);
    await updateUser(former.id, { customerAdmin: false });
    signInAs(former);
    expect((await inviteColleagueAction({ email: nextEmail() })).message).toBe("That page was not found.");
  });
});

describe("removing a colleague", () => {
  it("deletes their login, so their sessions end and they cannot sign in", async () => {
    const { email, token } = await invite(adminA);
    await accept(token);
    const colleague = await authenticate(
      { email, password: NEW_PASSWORD },
      { ip: "" },
      createSignInLimiters(),
    );
    if (colleague.kind !== "ok") throw new Error("The colleague could not sign in.");

    signInAs(adminA);
    const audit = await lastAuditId();
    const removed = await removeColleagueAction({ userId: colleague.user.id });
    expect(removed).toEqual({
      ok: true,
      data: undefined,
      message: `Bo Colleague (${email}) was removed and signed out.`,
    });
    // The session check reads the user on every request: no user, no session.
    expect(await findUserById(colleague.user.id)).toBeUndefined();
    expect(await auditAfter(audit)).toEqual([
      expect.objectContaining({
        action: "team.remove",
        outcome: "ok",
        targetUserId: colleague.user.id,
        targetCustomerId: customerA,
      }),
    ]);
    expect(
      (await authenticate({ email, password: NEW_PASSWORD }, { ip: "" }, createSignInLimiters())).kind,
    ).toBe("invalid");
  });

  it("refuses removing yourself", async () => {
    signInAs(adminA);
    const audit = await lastAuditId();
    expect(await removeColleagueAction({ userId: adminA.id })).toEqual({
      ok: false,
      message: "You cannot remove yourself. Ask another administrator of your team.",
    });
    expect(await findUserById(adminA.id)).toBeDefined();
    expect(await auditAfter(audit)).toEqual([
      expect.objectContaining({ action: "team.remove", outcome: "failed", targetUserId: adminA.id }),
    ]);
  });

  it("never removes a customer's last active administrator", async () => {
    const customer = (await createTestCustomer("Fabrikam")).id;
    const onlyAdmin = await customerAdmin("boss@fabrikam.example", customer);
    const member = await createTestUser({
      email: "temp@fabrikam.example",
      role: "customer",
      customerId: customer,
    });
    expect(await removeColleague(customer, member.id, onlyAdmin.id)).toEqual({ kind: "last-admin" });
    expect(await findUserById(onlyAdmin.id)).toBeDefined();
  });
});

describe("security: another customer's colleagues and invitations do not exist", () => {
  it("answers not found for another customer's user or a staff user, changes nothing, and audits it", async () => {
    for (const target of [memberB, adminB, staff]) {
      signInAs(adminA);
      const audit = await lastAuditId();
      expect(await removeColleagueAction({ userId: target.id })).toEqual({
        ok: false,
        message: "That colleague was not found.",
      });
      expect(await findUserById(target.id)).toBeDefined();
      expect(await auditAfter(audit)).toEqual([
        expect.objectContaining({
          action: "team.remove",
          outcome: "failed",
          actorEmail: adminA.email,
          targetUserId: target.id,
          summary: "Refused: That colleague was not found.",
        }),
      ]);
    }
  });

  it("answers not found for another customer's invitation, whether withdrawn or sent again", async () => {
    const theirs = await invite(adminB, "new-hire@contoso.example");
    for (const action of [revokeInvitationAction, resendInvitationAction]) {
      signInAs(adminA);
      const before = (await readCapturedMail(mailDir)).length;
      const audit = await lastAuditId();
      expect(await action({ invitationId: theirs.invitationId })).toEqual({
        ok: false,
        message: "That invitation was not found.",
      });
      expect((await readCapturedMail(mailDir)).length).toBe(before);
      expect(await auditAfter(audit)).toEqual([
        expect.objectContaining({
          outcome: "failed",
          actorEmail: adminA.email,
          details: expect.objectContaining({ refused: true }),
        }),
      ]);
    }
    // Their invitation still works, with its first link.
    expect(await lookUpInvitation(theirs.token)).toMatchObject({ state: "pending", customerName: "Contoso" });
  });

  it("answers not found for ids that exist nowhere, and for staff calling the portal's actions", async () => {
    signInAs(adminA);
    expect((await removeColleagueAction({ userId: crypto.randomUUID() })).message).toBe(
      "That colleague was not found.",
    );
    expect((await revokeInvitationAction({ invitationId: crypto.randomUUID() })).message).toBe(
      "That invitation was not found.",
    );
    signInAs(staff);
    expect((await removeColleagueAction({ userId: memberA.id })).message).toBe("That page was not found.");
    expect(await findUserById(memberA.id)).toBeDefined();
  });
});

const WITHDRAWN = "This invitation was withdrawn. Ask whoever invited you if you still need access.";

describe("security: the invite form does not tell who has an account", () => {
  it("answers an address with a sign-in exactly as a new one, and tells its owner by email instead", async () => {
    signInAs(adminA);
    const before = (await readCapturedMail(mailDir)).length;
    const audit = await lastAuditId();
    const fresh = nextEmail();
    const taken = await inviteColleagueAction({ email: memberB.email, name: "Clerk" });
    const free = await inviteColleagueAction({ email: fresh, name: "Clerk" });
    // The same answer, field for field (only the address and the ids differ).
    const shape = (result: typeof taken, email: string) =>
      JSON.parse(JSON.stringify(result).replaceAll(email, "EMAIL")) as Record<string, unknown>;
    if (!taken.ok || !free.ok) throw new Error("Both invitations should be answered as sent.");
    expect({ ...shape(taken, memberB.email), data: Object.keys(taken.data) }).toEqual({
      ...shape(free, fresh),
      data: Object.keys(free.data),
    });
    expect(taken.message).toBe(`Invitation sent to ${memberB.email}.`);

    // One email each: a link for the new address, a note without a link for the existing one.
    const mails = (await readCapturedMail(mailDir)).slice(before);
    expect(mails).toHaveLength(2);
    const toTaken = mails.find((mail) => mail.to.includes(memberB.email));
    const toFree = mails.find((mail) => mail.to.includes(fresh));
    expect(toFree && linkIn(toFree, "/invite/")).toBeTruthy();
    expect(toTaken && linkIn(toTaken, "/invite/")).toBeFalsy();
    expect(toTaken?.text).toContain("already has a sign-in here");
    expect(toTaken?.subject).toBe(toFree?.subject);

    // Sending it again answers the same too, and does not withdraw it.
    signInAs(adminA);
    const resent = await resendInvitationAction({ invitationId: taken.data.invitationId });
    expect(resent).toMatchObject({ ok: true, data: { email: memberB.email } });
    // The reseller's audit log knows; the customer does not.
    expect(
      (await auditAfter(audit)).find(
        (entry) => entry.details?.email === memberB.email && entry.action === "team.invite",
      ),
    ).toMatchObject({ outcome: "ok", details: expect.objectContaining({ addressHasSignIn: true }) });
  });
});

describe("security: invitations are rate limited", () => {
  it(`sends at most ${INVITES_PER_ADDRESS_PER_HOUR} invitation emails an hour to one address, whoever sends them`, async () => {
    const email = nextEmail();
    const first = await invite(adminA, email);
    signInAs(adminA);
    for (let sent = 1; sent < INVITES_PER_ADDRESS_PER_HOUR; sent += 1)
      expect((await resendInvitationAction({ invitationId: first.invitationId })).ok).toBe(true);

    const before = (await readCapturedMail(mailDir)).length;
    const audit = await lastAuditId();
    const refused = await resendInvitationAction({ invitationId: first.invitationId });
    expect(refused).toEqual({
      ok: false,
      message: `This address was sent ${INVITES_PER_ADDRESS_PER_HOUR} invitations in the last hour. Try again in 60 minutes.`,
    });
    // Another customer's administrator cannot reach that inbox either, even with a new invitation.
    signInAs(adminB);
    expect(await inviteColleagueAction({ email })).toMatchObject({ ok: false, message: refused.message });
    expect((await readCapturedMail(mailDir)).length).toBe(before);
    expect(await auditAfter(audit)).toEqual([
      expect.objectContaining({ action: "team.invite-resend", outcome: "failed" }),
      expect.objectContaining({ action: "team.invite", outcome: "failed", actorEmail: adminB.email }),
    ]);
    // The invitation itself is untouched: its latest link still works.
    const [row] = await (
      await getDb()
    )
      .select()
      .from(customerInvitations)
      .where(eq(customerInvitations.id, first.invitationId));
    expect(row).toMatchObject({ revokedAt: null, acceptedAt: null });
  });

  it(`lets one administrator send at most ${INVITES_PER_INVITER_PER_HOUR} invitations an hour`, async () => {
    const sender = await customerAdmin(`busy${Date.now()}@northwind.example`, customerA);
    signInAs(sender);
    const results = await Promise.all(
      Array.from({ length: INVITES_PER_INVITER_PER_HOUR + 3 }, () =>
        inviteColleagueAction({ email: nextEmail() }),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(INVITES_PER_INVITER_PER_HOUR);
    expect(results.filter((result) => !result.ok)).toEqual(
      Array.from({ length: 3 }, () => ({
        ok: false,
        message: `You have sent ${INVITES_PER_INVITER_PER_HOUR} invitations in the last hour. Try again in 60 minutes.`,
      })),
    );
  });
});

describe("security: an invitation lives only as long as its sender is an active administrator", () => {
  async function secondAdmin() {
    return customerAdmin(`second${(counter += 1)}@northwind.example`, customerA);
  }

  it("is refused once its sender is disabled, demoted or deleted, even if nobody withdrew it", async () => {
    const db = await getDb();
    for (const leave of [
      (id: string) => updateUser(id, { disabled: true }),
      (id: string) => updateUser(id, { customerAdmin: false }),
      async (id: string) => {
        await db.delete(users).where(eq(users.id, id));
      },
    ]) {
      const sender = await secondAdmin();
      const { token } = await invite(sender);
      await leave(sender.id);
      expect((await lookUpInvitation(token)).state).toBe("revoked");
      expect(await accept(token)).toEqual({ ok: false, message: WITHDRAWN });
    }
  });

  it("withdraws the invitations of a colleague who is removed or made a member", async () => {
    for (const leave of [
      (id: string) => removeColleagueAction({ userId: id }),
      (id: string) => setColleagueAdminAction({ userId: id, admin: false }),
    ]) {
      const sender = await secondAdmin();
      const { token, invitationId } = await invite(sender);
      signInAs(adminA);
      const audit = await lastAuditId();
      expect((await leave(sender.id)).ok).toBe(true);
      const [row] = await (
        await getDb()
      )
        .select()
        .from(customerInvitations)
        .where(eq(customerInvitations.id, invitationId));
      expect(row?.revokedAt).toBeInstanceOf(Date);
      expect(await accept(token)).toEqual({ ok: false, message: WITHDRAWN });
      expect((await auditAfter(audit))[0]?.details).toMatchObject({ withdrawnInvitations: [invitationId] });
    }
  });
});

describe("making a colleague an administrator", () => {
  it("promotes a member, who can then invite; demotes them again; both audited", async () => {
    const member = await createTestUser({
      email: `promoted${Date.now()}@northwind.example`,
      role: "customer",
      customerId: customerA,
      name: "Pat Promoted",
    });
    signInAs(adminA);
    const audit = await lastAuditId();
    expect(await setColleagueAdminAction({ userId: member.id, admin: true })).toEqual({
      ok: true,
      data: undefined,
      message: "Pat Promoted is now an administrator: they can invite, remove and promote colleagues.",
    });
    expect((await findUserById(member.id))?.customerAdmin).toBe(true);
    signInAs(member);
    expect((await inviteColleagueAction({ email: nextEmail() })).ok).toBe(true);

    signInAs(adminA);
    expect((await setColleagueAdminAction({ userId: member.id, admin: false })).ok).toBe(true);
    expect((await findUserById(member.id))?.customerAdmin).toBe(false);
    signInAs(member);
    expect((await inviteColleagueAction({ email: nextEmail() })).message).toBe("That page was not found.");
    const entries = await auditAfter(audit);
    expect(entries.filter((entry) => ["team.promote", "team.demote"].includes(entry.action))).toEqual([
      expect.objectContaining({ action: "team.promote", outcome: "ok", targetUserId: member.id }),
      expect.objectContaining({ action: "team.demote", outcome: "ok", targetUserId: member.id }),
    ]);
  });

  it("never leaves a customer without an active administrator; a second one may step down", async () => {
    const customer = (await createTestCustomer(`Tailspin ${Date.now()}`)).id;
    const only = await customerAdmin(`only${Date.now()}@tailspin.example`, customer);
    signInAs(only);
    const audit = await lastAuditId();
    expect(await setColleagueAdminAction({ userId: only.id, admin: false })).toEqual({
      ok: false,
      message: "Your team needs at least one administrator. Make someone else an administrator first.",
    });
    expect((await findUserById(only.id))?.customerAdmin).toBe(true);
    expect(await auditAfter(audit)).toEqual([
      expect.objectContaining({ action: "team.demote", outcome: "failed", targetUserId: only.id }),
    ]);

    const other = await createTestUser({
      email: `other${Date.now()}@tailspin.example`,
      role: "customer",
      customerId: customer,
    });
    signInAs(only);
    expect((await setColleagueAdminAction({ userId: other.id, admin: true })).ok).toBe(true);
    expect(await setColleagueAdminAction({ userId: only.id, admin: false })).toMatchObject({
      ok: true,
      message: "You are no longer an administrator of your team.",
    });
    // Two administrators demoting each other at once: exactly one of them stays.
    await updateUser(only.id, { customerAdmin: true });
    const outcomes = await Promise.all([
      setColleagueAdmin(customer, other.id, false),
      setColleagueAdmin(customer, only.id, false),
    ]);
    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(["changed", "last-admin"]);
    const admins = [await findUserById(only.id), await findUserById(other.id)].filter(
      (user) => user?.customerAdmin,
    );
    expect(admins).toHaveLength(1);
  });

  it("lets an invitation carry the administrator role, which the colleague has on joining", async () => {
    signInAs(adminA);
    const email = nextEmail();
    const before = (await readCapturedMail(mailDir)).length;
    const sent = await inviteColleagueAction({ email, name: "Ada Admin", admin: "on" });
    if (!sent.ok) throw new Error(sent.message);
    const [row] = await (
      await getDb()
    )
      .select()
      .from(customerInvitations)
      .where(eq(customerInvitations.id, sent.data.invitationId));
    expect(row?.asAdmin).toBe(true);
    const [mail] = (await readCapturedMail(mailDir)).slice(before);
    const token = new URL((mail && linkIn(mail, "/invite/")) ?? "http://x/").pathname.split("/").pop() ?? "";
    const accepted = await accept(token, "Ada Admin");
    expect(accepted.ok).toBe(true);
    const joined = await authenticate({ email, password: NEW_PASSWORD }, { ip: "" }, createSignInLimiters());
    expect(joined.kind === "ok" && joined.user.customerAdmin).toBe(true);
    // Without the box ticked, a member, as before.
    const member = await invite(adminA);
    await accept(member.token);
    const plain = await authenticate(
      { email: member.email, password: NEW_PASSWORD },
      { ip: "" },
      createSignInLimiters(),
    );
    expect(plain.kind === "ok" && plain.user.customerAdmin).toBe(false);
  });

  it("does not promote a disabled colleague, and is for the customer's administrators only", async () => {
    const disabled = await createTestUser({
      email: `off${Date.now()}@northwind.example`,
      role: "customer",
      customerId: customerA,
    });
    await updateUser(disabled.id, { disabled: true });
    signInAs(adminA);
    expect((await setColleagueAdminAction({ userId: disabled.id, admin: true })).ok).toBe(false);
    expect((await findUserById(disabled.id))?.customerAdmin).toBe(false);

    for (const target of [memberB, adminB, staff]) {
      signInAs(adminA);
      expect(await setColleagueAdminAction({ userId: target.id, admin: true })).toEqual({
        ok: false,
        message: "That colleague was not found.",
      });
    }
    expect((await findUserById(memberB.id))?.customerAdmin).toBe(false);
    for (const caller of [memberA, staff]) {
      signInAs(caller);
      expect((await setColleagueAdminAction({ userId: memberA.id, admin: true })).message).toBe(
        "That page was not found.",
      );
    }
    expect((await findUserById(memberA.id))?.customerAdmin).toBe(false);
  });
});
