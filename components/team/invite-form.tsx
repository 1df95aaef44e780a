"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import {
  checkInBrowser,
  fieldErrorsOf,
  initialFormState,
  keptValues,
  textOf,
  type FormState,
} from "@/components/users/form-state";
import { formDataToObject } from "@/lib/actions/result";
import { inviteColleagueAction, type InvitationSent } from "@/lib/actions/team";
import { INVITATION_DAYS, inviteColleagueSchema } from "@/lib/validation/team";

/** Emails a colleague a link to join; what was typed stays when something needs correcting. */
export function InviteForm({ customerName }: { customerName: string }) {
  const [state, formAction, pending] = useActionState<FormState<InvitationSent>, FormData>(
    async (_previous, formData) => {
      const input = formDataToObject(formData);
      const result = checkInBrowser(inviteColleagueSchema, input) ?? (await inviteColleagueAction(input));
      return { result, values: result.ok ? {} : keptValues(input) };
    },
    initialFormState(),
  );
  const errors = fieldErrorsOf(state.result);

  return (
    <form action={formAction} aria-label="Invite a colleague" noValidate className="flex flex-col gap-4">
      <p className="text-sm text-muted">
        They get an email with a link to choose their password and join {customerName}. The link works for{" "}
        {INVITATION_DAYS} days.
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          key={`email-${textOf(state.values, "email")}`}
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          required
          defaultValue={textOf(state.values, "email")}
          errors={errors?.email}
        />
        <TextField
          key={`name-${textOf(state.values, "name")}`}
          label="Name (optional)"
          name="name"
          autoComplete="off"
          defaultValue={textOf(state.values, "name")}
          errors={errors?.name}
        />
      </div>
      <CheckboxField
        key={`admin-${textOf(state.values, "admin")}`}
        label="Make them an administrator"
        name="admin"
        hint="Administrators can also invite and remove colleagues, and make others administrators."
        defaultChecked={textOf(state.values, "admin") === "on"}
      />
      <FormMessage state={state.result ?? undefined} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send invitation"}
        </Button>
      </div>
    </form>
  );
}
