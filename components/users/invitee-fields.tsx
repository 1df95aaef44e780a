"use client";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult, FieldErrors } from "@/lib/actions/result";

export interface Invitee {
  email: string;
  name: string;
}

/** Whom an invitation goes to: their email and, if known, their name. */
export function InviteeFields<T extends Invitee>({
  value,
  onChange,
  errors,
}: {
  value: T;
  onChange: (value: T) => void;
  errors: FieldErrors;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="off"
        required
        value={value.email}
        onChange={(event) => onChange({ ...value, email: event.target.value })}
        errors={errors.email}
      />
      <TextField
        label="Name (optional)"
        name="name"
        autoComplete="off"
        value={value.name}
        onChange={(event) => onChange({ ...value, name: event.target.value })}
        errors={errors.name}
      />
    </div>
  );
}

/** The invitation form's outcome and its "Send invitation" button, which waits while sending. */
export function SendInvitation({
  pending,
  result,
}: {
  pending: boolean;
  result: ActionResult<unknown> | null;
}) {
  return (
    <>
      <FormMessage state={result ?? undefined} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send invitation"}
        </Button>
      </div>
    </>
  );
}
