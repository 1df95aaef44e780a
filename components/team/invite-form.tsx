"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/users/form-state";
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
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          required
          value={invitation.email}
          onChange={(event) => setInvitation({ ...invitation, email: event.target.value })}
          errors={invite.fieldErrors.email}
        />
        <TextField
          label="Name (optional)"
          name="name"
          autoComplete="off"
          value={invitation.name}
          onChange={(event) => setInvitation({ ...invitation, name: event.target.value })}
          errors={invite.fieldErrors.name}
        />
      </div>
      <CheckboxField
        label="Make them an administrator"
        name="admin"
        hint="Administrators can also invite and remove colleagues, and make others administrators."
        checked={invitation.admin}
        onChange={(event) => setInvitation({ ...invitation, admin: event.target.checked })}
      />
      <FormMessage state={invite.result ?? undefined} />
      <div>
        <Button type="submit" disabled={invite.pending}>
          {invite.pending ? "Sending…" : "Send invitation"}
        </Button>
      </div>
    </form>
  );
}
