import "server-only";
import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import {
  customerInvitations,
  customers,
  users,
  type CustomerInvitationRow,
  type UserRow,
} from "@/lib/db/schema";
import { hashOneTimeToken, looksLikeOneTimeToken, newOneTimeToken } from "@/lib/one-time-token";
import { INVITATION_DAYS } from "@/lib/validation/team";

/**
 * Invitations to a customer's portal. The token is in the emailed link only; the table keeps its
 * hash. An invitation is pending until accepted, revoked or expired; resending gives it a new
 * token and a new expiry (the old link stops working). An invitation speaks for whoever sent it:
 * it is accepted only while they are still an active administrator of that customer, and it is
 * withdrawn when they are disabled, reset, demoted or removed. The reseller's staff invite a
 * customer's first login the same way (lib/actions/team.ts, `inviteCustomerLoginAction`): that
 * invitation makes an administrator of the customer's team and lives while its sender is an
 * active admin or staff user.
 */
const DAY_MS = 86_400_000;

export function invitationExpiry(now = new Date()): Date {
  return new Date(now.getTime() + INVITATION_DAYS * DAY_MS);
}

export type InvitationState = "pending" | "expired" | "accepted" | "revoked";

export function invitationState(invitation: CustomerInvitationRow, now = new Date()): InvitationState {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  return invitation.expiresAt.getTime() <= now.getTime() ? "expired" : "pending";
}

/** Invitations not yet accepted or revoked (expired ones too: they can be sent again). */
export async function listOpenInvitations(customerId: string): Promise<CustomerInvitationRow[]> {
  const db = await getDb();
  return db
    .select()
    .from(customerInvitations)
    .where(
      and(
        eq(customerInvitations.customerId, customerId),
        isNull(customerInvitations.acceptedAt),
        isNull(customerInvitations.revokedAt),
      ),
    )
    .orderBy(asc(customerInvitations.createdAt));
}

/** A live invitation of this customer for this email, if one is waiting to be accepted. */
export async function findLiveInvitation(
  customerId: string,
  email: string,
): Promise<CustomerInvitationRow | undefined> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(customerInvitations)
    .where(
      and(
        eq(customerInvitations.customerId, customerId),
        eq(sql`lower(${customerInvitations.email})`, email.toLowerCase()),
        isNull(customerInvitations.acceptedAt),
        isNull(customerInvitations.revokedAt),
        gt(customerInvitations.expiresAt, new Date()),
      ),
    )
    .limit(1);
  return row;
}

/** An open invitation of this customer, or undefined (another customer's is "not found" too). */
export async function findOpenInvitation(
  customerId: string,
  invitationId: string,
): Promise<CustomerInvitationRow | undefined> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(customerInvitations)
    .where(
      and(
        eq(customerInvitations.id, invitationId),
        eq(customerInvitations.customerId, customerId),
        isNull(customerInvitations.acceptedAt),
        isNull(customerInvitations.revokedAt),
      ),
    )
    .limit(1);
  return row;
}

/** A new invitation; expired, unaccepted ones for the same email are revoked (replaced by it). */
export async function createInvitation(values: {
  customerId: string;
  email: string;
  name: string;
  invitedBy: string;
  asAdmin?: boolean;
}): Promise<{ invitation: CustomerInvitationRow; token: string }> {
  const db = await getDb();
  const { token, hash } = newOneTimeToken();
  const invitation = await db.transaction(async (tx) => {
    await tx
      .update(customerInvitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(customerInvitations.customerId, values.customerId),
          eq(sql`lower(${customerInvitations.email})`, values.email.toLowerCase()),
          isNull(customerInvitations.acceptedAt),
          isNull(customerInvitations.revokedAt),
        ),
      );
    const [row] = await tx
      .insert(customerInvitations)
      .values({
        ...values,
        email: values.email.toLowerCase(),
        tokenHash: hash,
        expiresAt: invitationExpiry(),
      })
      .returning();
    return row;
  });
  if (!invitation) throw new Error("The invitation was not created.");
  return { invitation, token };
}

/**
 * Gives an open invitation a new link and a new expiry; the old link stops working. Whoever sends
 * it again becomes its sender (the email names them, and the invitation lives as long as they
 * remain an administrator).
 */
export async function renewInvitation(
  customerId: string,
  invitationId: string,
  invitedBy: string,
): Promise<{ invitation: CustomerInvitationRow; token: string } | null> {
  const db = await getDb();
  const { token, hash } = newOneTimeToken();
  const [invitation] = await db
    .update(customerInvitations)
    .set({ tokenHash: hash, expiresAt: invitationExpiry(), invitedBy })
    .where(
      and(
        eq(customerInvitations.id, invitationId),
        eq(customerInvitations.customerId, customerId),
        isNull(customerInvitations.acceptedAt),
        isNull(customerInvitations.revokedAt),
      ),
    )
    .returning();
  return invitation ? { invitation, token } : null;
}

/** Puts an invitation back as it was (a resend whose email could not be sent). */
export async function restoreInvitation(invitation: CustomerInvitationRow): Promise<void> {
  const db = await getDb();
  await db
    .update(customerInvitations)
    .set({
      tokenHash: invitation.tokenHash,
      expiresAt: invitation.expiresAt,
      invitedBy: invitation.invitedBy,
    })
    .where(eq(customerInvitations.id, invitation.id));
}

export async function deleteInvitation(id: string): Promise<void> {
  const db = await getDb();
  await db.delete(customerInvitations).where(eq(customerInvitations.id, id));
}

/** Revokes an open invitation of this customer; false when there is none to revoke. */
export async function revokeInvitation(customerId: string, invitationId: string): Promise<boolean> {
  const db = await getDb();
  const revoked = await db
    .update(customerInvitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(customerInvitations.id, invitationId),
        eq(customerInvitations.customerId, customerId),
        isNull(customerInvitations.acceptedAt),
        isNull(customerInvitations.revokedAt),
      ),
    )
    .returning({ id: customerInvitations.id });
  return revoked.length === 1;
}

const inviterColumns = {
  id: users.id,
  role: users.role,
  customerId: users.customerId,
  customerAdmin: users.customerAdmin,
  disabled: users.disabled,
};
type InviterState = { [K in keyof typeof inviterColumns]: UserRow[K] };

/**
 * The invitation still speaks for its sender: an active administrator of the same customer, or
 * an active member of the reseller's staff who manages customers (an admin or staff user; support
 * changes nothing), who invited the customer's first login from the customer's page.
 */
function inviterMayInvite(
  inviter: InviterState | null | undefined,
  invitation: Pick<CustomerInvitationRow, "customerId">,
): boolean {
  if (!inviter || inviter.disabled) return false;
  if (inviter.role === "admin" || inviter.role === "staff") return true;
  return inviter.role === "customer" && inviter.customerId === invitation.customerId && inviter.customerAdmin;
}

type Executor = Pick<Awaited<ReturnType<typeof getDb>>, "update">;

/**
 * Withdraws every invitation still open that `inviterId` sent; returns the withdrawn rows. Takes
 * a transaction when the caller is inside one (removing a login must withdraw before deleting).
 */
export async function revokeInvitationsSentBy(
  inviterId: string,
  executor?: Executor,
): Promise<CustomerInvitationRow[]> {
  const db = executor ?? (await getDb());
  return db
    .update(customerInvitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(customerInvitations.invitedBy, inviterId),
        isNull(customerInvitations.acceptedAt),
        isNull(customerInvitations.revokedAt),
      ),
    )
    .returning();
}

/** An open invitation as the customer's staff page lists it, with who sent it. */
export interface StaffInvitationRow {
  id: string;
  email: string;
  name: string;
  asAdmin: boolean;
  createdAt: Date;
  expiresAt: Date;
  inviterName: string | null;
  inviterEmail: string | null;
}

/** The customer's invitations not yet accepted or withdrawn (expired ones too), oldest first. */
export async function listOpenInvitationsWithInviter(customerId: string): Promise<StaffInvitationRow[]> {
  const db = await getDb();
  const open = await listOpenInvitations(customerId);
  const inviterIds = [...new Set(open.flatMap((row) => (row.invitedBy ? [row.invitedBy] : [])))];
  const inviters = inviterIds.length
    ? await db
        .select({ id: users.id, name: users.name, email: users.email })
        .from(users)
        .where(inArray(users.id, inviterIds))
    : [];
  const byId = new Map(inviters.map((inviter) => [inviter.id, inviter]));
  return open.map((row) => {
    const inviter = row.invitedBy ? byId.get(row.invitedBy) : undefined;
    return {
      id: row.id,
      email: row.email,
      name: row.name,
      asAdmin: row.asAdmin,
      createdAt: row.createdAt,
      expiresAt: row.expiresAt,
      inviterName: inviter?.name ?? null,
      inviterEmail: inviter?.email ?? null,
    };
  });
}

export interface InvitationLookup {
  state: InvitationState | "unknown";
  invitation?: CustomerInvitationRow;
  customerName?: string;
}

/** What an invitation link leads to, for the accept page. */
export async function lookUpInvitation(token: string): Promise<InvitationLookup> {
  if (!looksLikeOneTimeToken(token)) return { state: "unknown" };
  const db = await getDb();
  const [row] = await db
    .select({ invitation: customerInvitations, customerName: customers.name, inviter: inviterColumns })
    .from(customerInvitations)
    .innerJoin(customers, eq(customers.id, customerInvitations.customerId))
    .leftJoin(users, eq(users.id, customerInvitations.invitedBy))
    .where(eq(customerInvitations.tokenHash, hashOneTimeToken(token)))
    .limit(1);
  if (!row) return { state: "unknown" };
  const state = invitationState(row.invitation);
  return {
    state: state === "pending" && !inviterMayInvite(row.inviter, row.invitation) ? "revoked" : state,
    invitation: row.invitation,
    customerName: row.customerName,
  };
}

export type AcceptOutcome =
  | { kind: "accepted"; user: UserRow; invitation: CustomerInvitationRow }
  | { kind: "unknown" | "expired" | "accepted-before" | "revoked" | "email-taken" };

/**
 * Turns a live invitation into a login of its customer, once: the invitation row is locked, so
 * two submits of the same link cannot both create a login. The email is the invitation's; the
 * unique index on emails settles a race with any other way of adding that address.
 */
export async function acceptInvitation(
  token: string,
  values: { name: string; passwordHash: string },
): Promise<AcceptOutcome> {
  const db = await getDb();
  try {
    return await db.transaction(async (tx): Promise<AcceptOutcome> => {
      const [invitation] = await tx
        .select()
        .from(customerInvitations)
        .where(eq(customerInvitations.tokenHash, hashOneTimeToken(token)))
        .for("update")
        .limit(1);
      if (!invitation) return { kind: "unknown" };
      const state = invitationState(invitation);
      if (state === "accepted") return { kind: "accepted-before" };
      if (state !== "pending") return { kind: state };
      // Locked with the inviter's row, so a disable or demotion committed first is seen here.
      const [inviter] = invitation.invitedBy
        ? await tx
            .select(inviterColumns)
            .from(users)
            .where(eq(users.id, invitation.invitedBy))
            .for("share")
            .limit(1)
        : [];
      if (!inviterMayInvite(inviter, invitation)) {
        await tx
          .update(customerInvitations)
          .set({ revokedAt: new Date() })
          .where(eq(customerInvitations.id, invitation.id));
        return { kind: "revoked" };
      }
      const [taken] = await tx
        .select({ id: users.id })
        .from(users)
        .where(eq(sql`lower(${users.email})`, invitation.email.toLowerCase()))
        .limit(1);
      if (taken) return { kind: "email-taken" };
      const [user] = await tx
        .insert(users)
        .values({
          email: invitation.email.toLowerCase(),
          name: values.name,
          role: "customer",
          customerId: invitation.customerId,
          passwordHash: values.passwordHash,
          customerAdmin: invitation.asAdmin,
        })
        .returning();
      if (!user) throw new Error("The login was not created.");
      await tx
        .update(customerInvitations)
        .set({ acceptedAt: new Date() })
        .where(eq(customerInvitations.id, invitation.id));
      return { kind: "accepted", user, invitation };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { kind: "email-taken" };
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  let current = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth += 1) {
    if ("code" in current && current.code === "23505") return true;
    current = "cause" in current ? current.cause : undefined;
  }
  return false;
}
