"use client";

import { UserPlus } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { createStaffUserAction } from "@/lib/actions/users";
import {
  createStaffUserSchema,
  STAFF_ROLE_LABELS,
  STAFF_ROLES,
  type StaffRole,
} from "@/lib/validation/users";
import { useFormAction } from "./form-state";
import { EMPTY_LOGIN, LoginFields, newLoginInput, type NewLogin } from "./login-fields";
import { staffRoleOf } from "./staff-role";
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
  const [login, setLogin] = useState<NewLogin>(EMPTY_LOGIN);
  const [role, setRole] = useState<StaffRole>("staff");
  const create = useFormAction(createStaffUserSchema, createStaffUserAction);
  const created = create.result?.ok ? create.result.data : null;

  if (created) {
    return (
      <div className="flex flex-col gap-4">
        <FormMessage state={create.result ?? undefined} />
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

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void create.run({ ...newLoginInput(login), role });
      }}
      aria-label="Add a staff user"
      noValidate
      className="flex flex-col gap-4"
    >
      <LoginFields login={login} onChange={setLogin} errors={create.fieldErrors} />
      <SelectField
        label="Role"
        name="role"
        value={role}
        onChange={(event) => setRole(staffRoleOf(event.target.value))}
        errors={create.fieldErrors.role}
      >
        {STAFF_ROLES.map((option) => (
          <option key={option} value={option}>
            {STAFF_ROLE_LABELS[option]}
          </option>
        ))}
      </SelectField>
      <FormMessage state={create.result ?? undefined} />
      <div>
        <Button type="submit" disabled={create.pending}>
          {create.pending ? "Adding…" : "Add user"}
        </Button>
      </div>
    </form>
  );
}
