"use client";

import { UserPlus } from "lucide-react";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { formDataToObject } from "@/lib/actions/result";
import { createStaffUserAction } from "@/lib/actions/users";
import {
  createStaffUserSchema,
  STAFF_ROLE_LABELS,
  STAFF_ROLES,
  type TemporaryPasswordResult,
} from "@/lib/validation/users";
import {
  checkInBrowser,
  fieldErrorsOf,
  initialFormState,
  keptValues,
  textOf,
  type FormState,
} from "./form-state";
import { NewLoginFields, withPasswordMode } from "./new-login-fields";
import { TemporaryPassword } from "./temporary-password";

/** The Users page's "Add a staff user" button and its dialog. */
export function AddStaffUser() {
  const [open, setOpen] = useState(false);
  // A new key starts a fresh, empty form for "Add another".
  const [round, setRound] = useState(0);
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <UserPlus aria-hidden="true" className="size-4" />
        Add a staff user
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Add a staff user"
        description="They sign in to this panel with the email and a temporary password."
      >
        <CreateStaffUserForm
          key={round}
          onDone={() => setOpen(false)}
          onAddAnother={() => setRound((n) => n + 1)}
        />
      </Dialog>
    </>
  );
}

/**
 * Adds an admin or staff user. Once added, the form gives way to the result, with a generated
 * temporary password shown this once; the dialog forgets it when it closes.
 */
export function CreateStaffUserForm({
  onDone,
  onAddAnother,
}: {
  onDone: () => void;
  onAddAnother: () => void;
}) {
  const [state, formAction, pending] = useActionState<FormState<TemporaryPasswordResult>, FormData>(
    async (_previous, formData) => {
      const input = withPasswordMode(formDataToObject(formData));
      const result = checkInBrowser(createStaffUserSchema, input) ?? (await createStaffUserAction(input));
      return { result, values: result.ok ? {} : keptValues(input) };
    },
    initialFormState(),
  );
  const created = state.result?.ok ? state.result.data : null;

  if (created) {
    return (
      <div className="flex flex-col gap-4">
        <FormMessage state={state.result ?? undefined} />
        {created.temporaryPassword ? (
          <TemporaryPassword email={created.email} password={created.temporaryPassword} />
        ) : null}
        <div className="flex gap-2">
          <Button onClick={onDone} autoFocus>
            Done
          </Button>
          <Button variant="secondary" onClick={onAddAnother}>
            Add another
          </Button>
        </div>
      </div>
    );
  }

  const errors = fieldErrorsOf(state.result);
  return (
    <form action={formAction} aria-label="Add a staff user" noValidate className="flex flex-col gap-4">
      <NewLoginFields values={state.values} errors={errors} />
      <SelectField
        label="Role"
        name="role"
        defaultValue={textOf(state.values, "role", "staff")}
        errors={errors?.role}
      >
        {STAFF_ROLES.map((role) => (
          <option key={role} value={role}>
            {STAFF_ROLE_LABELS[role]}
          </option>
        ))}
      </SelectField>
      <FormMessage state={state.result ?? undefined} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add user"}
        </Button>
      </div>
    </form>
  );
}
