import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ColleagueList } from "@/components/team/colleague-list";
import { InvitationList } from "@/components/team/invitation-list";
import { InviteForm } from "@/components/team/invite-form";
import type { ColleagueView, InvitationView } from "@/components/team/team-views";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { NotFoundError } from "@/lib/auth/errors";
import { requirePageUser } from "@/lib/auth/guards";
import { requireTeamAdmin, type TeamAdmin } from "@/lib/auth/guards";
import { invitationState, listOpenInvitations } from "@/lib/team/invitations";
import { listColleagues } from "@/lib/team/members";

export const metadata: Metadata = { title: "Team" };

/** A customer's administrator invites and removes colleagues; anyone else gets a 404. */
export default async function TeamPage() {
  const user = await requirePageUser();
  const team = await teamOrNotFound(() => requireTeamAdmin(user));
  const now = new Date();
  const [colleagues, invitations] = await Promise.all([
    listColleagues(team.customer.id),
    listOpenInvitations(team.customer.id),
  ]);
  const colleagueViews: ColleagueView[] = colleagues.map((colleague) => ({
    id: colleague.id,
    name: colleague.name,
    email: colleague.email,
    admin: colleague.customerAdmin,
    disabled: colleague.disabled,
    lastSignInAt: colleague.lastSignInAt?.toISOString() ?? null,
    isSelf: colleague.id === user.id,
  }));
  const invitationViews: InvitationView[] = invitations.map((invitation) => ({
    id: invitation.id,
    email: invitation.email,
    name: invitation.name,
    asAdmin: invitation.asAdmin,
    expiresAt: invitation.expiresAt.toISOString(),
    expired: invitationState(invitation, now) === "expired",
  }));

  return (
    <>
      <PageHeader
        title="Team"
        description={`The people of ${team.customer.name} who sign in here, each with their own password.`}
      />
      <div className="flex flex-col gap-8">
        <Card aria-labelledby="invite-heading">
          <CardTitle className="mb-3">
            <span id="invite-heading">Invite a colleague</span>
          </CardTitle>
          <InviteForm customerName={team.customer.name} />
        </Card>
        <section aria-labelledby="colleagues-heading" className="flex flex-col gap-3">
          <h2 id="colleagues-heading" className="text-base font-semibold">
            Colleagues ({colleagueViews.length})
          </h2>
          <p className="text-sm text-muted">
            Everyone here sees the same domains; administrators can also invite and remove colleagues, and
            make others administrators.
          </p>
          <ColleagueList colleagues={colleagueViews} />
        </section>
        <section aria-labelledby="invitations-heading" className="flex flex-col gap-3">
          <h2 id="invitations-heading" className="text-base font-semibold">
            Pending invitations ({invitationViews.length})
          </h2>
          <InvitationList invitations={invitationViews} />
        </section>
      </div>
    </>
  );
}

async function teamOrNotFound(load: () => Promise<TeamAdmin>): Promise<TeamAdmin> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
