"use client";

import { useState } from "react";
import { CheckboxField } from "@/components/ui/field";
import { useFormAction } from "@/components/users/form-state";
import { InviteeFields, SendInvitation } from "@/components/users/invitee-fields";
import { inviteColleagueAction } from "@/lib/actions/team";
import { INVITATION_DAYS, inviteColleagueSchema } from "@/lib/validation/team";

const NO_INVITATION = { email: "", name: "", admin: false };

/** Emails a colleague a link to join; what was typed stays when something needs correcting. */
export function InviteForm({ customerName }: { customerName: string }) {
  const [invitation, setInvitation] = useState(NO_INVITATION);
  // Once sent, the form is empty again for the next colleague.
  const invite = useFormAction(inviteColleagueSchema, inviteColleagueAction, {
    onSuccess: () => setInvitation(NO_INVITATION),
  });

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void invite.run(invitation);
      }}
      aria-label="Invite a colleague"
      noValidate
      className="flex flex-col gap-4"
    >
      <p className="text-sm text-muted">
        They get an email with a link to choose their password and join {customerName}. The link works for{" "}
        {INVITATION_DAYS} days.
      </p>
      <InviteeFields value={invitation} onChange={setInvitation} errors={invite.fieldErrors} />
      <CheckboxField
        label="Make them an administrator"
        name="admin"
        hint="Administrators can also invite and remove colleagues, and make others administrators."
        checked={invitation.admin}
        onChange={(event) => setInvitation({ ...invitation, admin: event.target.checked })}
      />
      <SendInvitation pending={invite.pending} result={invite.result} />
    </form>
  );
}
