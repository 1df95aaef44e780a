import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createSignInLimiters } from "@/lib/auth/rate-limit";
import { authenticate } from "@/lib/auth/sign-in";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { customerInvitations } from "@/lib/db/schema";
import { linkIn, readCapturedMail } from "@/lib/mail/captured";
import { resetInviteLimits } from "@/lib/team/invite-limits";
import { listOpenInvitationsWithInviter, lookUpInvitation } from "@/lib/team/invitations";
import { updateUser } from "@/lib/users/queries";
import { auditAfter, lastAuditId } from "@/test/audit";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs } from "@/test/session-mock";
import { revokeCustomerInvitationAction } from "./customers";
import { acceptInvitationAction, inviteCustomerLoginAction, resendCustomerInvitationAction } from "./team";

const mailDir = vi.hoisted(() => {
  const directory = `/tmp/mailpak-customer-invite-mail-${process.pid}-${Date.now()}`;
  process.env.MAIL_CAPTURE_DIR = directory;
  process.env.SMTP_URL = "";
  return directory;
});

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const PASSWORD = "a-long-chosen-passphrase";

let staff: SessionUser;
let support: SessionUser;
let outsider: SessionUser;
let customerId: string;
let counter = 0;

function nextEmail(): string {
  counter += 1;
  return `owner${counter}@fabrikam.example`;
}

/** The link of the newest captured email to `email`, as its token. */
async function tokenMailedTo(email: string, since: number): Promise<{ token: string; subject: string }> {
  const mails = (await readCapturedMail(mailDir)).slice(since).filter((mail) => mail.to.includes(email));
  expect(mails).toHaveLength(1);
  const link = mails[0] ? linkIn(mails[0], "/invite/") : null;
  if (!link) throw new Error("The invitation email has no link.");
  return { token: new URL(link).pathname.split("/").pop() ?? "", subject: mails[0]?.subject ?? "" };
}

async function mailCount(): Promise<number> {
  return (await readCapturedMail(mailDir)).length;
}

beforeAll(async () => {
  customerId = (await createTestCustomer("Fabrikam", ["fabrikam.example"])).id;
  staff = await createTestUser({ email: "sam@reseller.example", role: "staff", name: "Sam Staff" });
  support = await createTestUser({ email: "sue@reseller.example", role: "support" });
  const other = await createTestCustomer("Contoso", ["contoso.example"]);
  outsider = await createTestUser({ email: "ceo@contoso.example", role: "customer", customerId: other.id });
  await updateUser(outsider.id, { customerAdmin: true });
});

beforeEach(() => {
  signInAs(null);
  resetInviteLimits();
});

describe("staff inviting a customer's first login by email", () => {
  it("emails a branded link; accepting makes the login an administrator of the customer's team", async () => {
    const email = nextEmail();
    const audit = await lastAuditId();
    const before = await mailCount();
    signInAs(staff);
    const sent = await inviteCustomerLoginAction({
      customerId,
      email: ` ${email.toUpperCase()} `,
      name: "Fran",
    });
    expect(sent).toMatchObject({ ok: true, data: { email } });

    const { token, subject } = await tokenMailedTo(email, before);
    expect(subject).toBe("Sam Staff invited you to Fabrikam on Mail Portal");
    expect(await lookUpInvitation(token)).toMatchObject({ state: "pending", customerName: "Fabrikam" });
    const [listed] = await listOpenInvitationsWithInviter(customerId);
    expect(listed).toMatchObject({ email, asAdmin: true, inviterEmail: staff.email });

    const accepted = await acceptInvitationAction({
      token,
      name: "Fran Owner",
      password: PASSWORD,
      confirm: PASSWORD,
    });
    expect(accepted).toMatchObject({ ok: true, data: { email } });
    const signIn = await authenticate({ email, password: PASSWORD }, { ip: "" }, createSignInLimiters());
    expect(signIn.kind).toBe("ok");
    if (signIn.kind === "ok")
      expect(signIn.user).toMatchObject({
        role: "customer",
        customerId,
        customerAdmin: true,
        name: "Fran Owner",
      });

    const entries = await auditAfter(audit);
    expect(entries.find((entry) => entry.action === "customer.invite")).toMatchObject({
      outcome: "ok",
      actorEmail: staff.email,
      targetCustomerId: customerId,
      details: expect.objectContaining({ email, asAdmin: true }),
    });
    expect(JSON.stringify(entries)).not.toContain(token);
    expect(await listOpenInvitationsWithInviter(customerId)).toEqual([]);
  });

  it("refuses an address that signs in already, or has an invitation waiting, and sends nothing", async () => {
    signInAs(staff);
    const taken = await inviteCustomerLoginAction({ customerId, email: outsider.email });
    expect(taken).toMatchObject({
      ok: false,
      fieldErrors: { email: ["A user with this email already exists."] },
    });

    const email = nextEmail();
    expect(await inviteCustomerLoginAction({ customerId, email })).toMatchObject({ ok: true });
    const before = await mailCount();
    expect(await inviteCustomerLoginAction({ customerId, email })).toMatchObject({
      ok: false,
      fieldErrors: {
        email: [
          "This address already has an invitation waiting. Send it again from the list of pending invitations.",
        ],
      },
    });
    expect(await inviteCustomerLoginAction({ customerId, email: "not-an-address" })).toMatchObject({
      ok: false,
      fieldErrors: { email: ["Enter a valid email address."] },
    });
    expect(await mailCount()).toBe(before);
  });

  it("sends again with a new link (the old one stops working), and withdraws", async () => {
    const email = nextEmail();
    signInAs(staff);
    const first = await mailCount();
    const sent = await inviteCustomerLoginAction({ customerId, email });
    if (!sent.ok) throw new Error(sent.message);
    const { token: oldToken } = await tokenMailedTo(email, first);

    const second = await mailCount();
    const resent = await resendCustomerInvitationAction({ customerId, invitationId: sent.data.invitationId });
    expect(resent).toMatchObject({ ok: true, data: { invitationId: sent.data.invitationId, email } });
    const { token: newToken } = await tokenMailedTo(email, second);
    expect(newToken).not.toBe(oldToken);
    expect((await lookUpInvitation(oldToken)).state).toBe("unknown");
    expect((await lookUpInvitation(newToken)).state).toBe("pending");

    expect(
      await revokeCustomerInvitationAction({ customerId, invitationId: sent.data.invitationId }),
    ).toMatchObject({ ok: true });
    expect(
      await acceptInvitationAction({ token: newToken, name: "Late", password: PASSWORD, confirm: PASSWORD }),
    ).toEqual({
      ok: false,
      message: "This invitation was withdrawn. Ask whoever invited you if you still need access.",
    });
  });

  it("an invitation speaks for its sender: a disabled staff user's link no longer works", async () => {
    const sender = await createTestUser({ email: `leaver${counter}@reseller.example`, role: "staff" });
    const email = nextEmail();
    const before = await mailCount();
    signInAs(sender);
    expect(await inviteCustomerLoginAction({ customerId, email })).toMatchObject({ ok: true });
    const { token } = await tokenMailedTo(email, before);
    await updateUser(sender.id, { disabled: true });
    expect(
      await acceptInvitationAction({ token, name: "Nope", password: PASSWORD, confirm: PASSWORD }),
    ).toEqual({
      ok: false,
      message: "This invitation was withdrawn. Ask whoever invited you if you still need access.",
    });
  });

  it("is refused to support and to customers, audited, and nothing is invited", async () => {
    const email = nextEmail();
    const audit = await lastAuditId();
    for (const user of [support, outsider]) {
      signInAs(user);
      const refused = await inviteCustomerLoginAction({ customerId, email });
      expect(refused.ok).toBe(false);
    }
    const db = await getDb();
    expect(await db.select().from(customerInvitations).where(eq(customerInvitations.email, email))).toEqual(
      [],
    );
    const entries = await auditAfter(audit);
    expect(entries.map((entry) => [entry.action, entry.outcome, entry.actorEmail])).toEqual([
      ["customer.invite", "failed", support.email],
      ["customer.invite", "failed", outsider.email],
    ]);
  });
});
