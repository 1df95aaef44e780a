"use client";

import { useActionState, useState, type ReactNode } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { formDataToObject, type ActionResult } from "@/lib/actions/result";
import {
  changeUserRoleAction,
  disableUserAction,
  enableUserAction,
  resetUserPasswordAction,
  signOutEverywhereAction,
  unlockUserAction,
} from "@/lib/actions/users";
import { STAFF_ROLE_NAMES, STAFF_ROLES, type TemporaryPasswordResult } from "@/lib/validation/users";
import { TemporaryPassword } from "./temporary-password";
import { UserStatus } from "./user-status";
import type { UserSummary } from "./user-summary";

const ACTIONS = {
  disable: disableUserAction,
  enable: enableUserAction,
  reset: resetUserPasswordAction,
  role: changeUserRoleAction,
  "sign-out": signOutEverywhereAction,
  unlock: unlockUserAction,
} satisfies Record<string, (input: unknown) => Promise<ActionResult<unknown>>>;
type Intent = keyof typeof ACTIONS;

function isIntent(value: unknown): value is Intent {
  return typeof value === "string" && value in ACTIONS;
}

type State = ActionResult<TemporaryPasswordResult | undefined> | null;

/**
 * Everything that can be done to one login, in a dialog opened from its row: the buttons share a
 * form, and the one pressed says which action runs. The server decides again whether the
 * signed-in user may do it (admins: anyone; staff: customers' logins only).
 */
export function ManageUser({ user, canChangeRole }: { user: UserSummary; canChangeRole: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
        Manage<span className="sr-only"> {user.email}</span>
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Manage ${user.name}`}
        description={user.email}
      >
        <ManageUserForm user={user} canChangeRole={canChangeRole} />
      </Dialog>
    </>
  );
}

/** Mounted only while the dialog is open, so a temporary password is gone once it closes. */
function ManageUserForm({ user, canChangeRole }: { user: UserSummary; canChangeRole: boolean }) {
  const [state, formAction, pending] = useActionState<State, FormData>(async (_previous, formData) => {
    const { intent, ...input } = formDataToObject(formData);
    if (!isIntent(intent)) return { ok: false, message: "Choose what to do." };
    return ACTIONS[intent](input);
  }, null);
  const temporary = state?.ok && state.data?.temporaryPassword ? state.data : null;
  const isStaff = user.role !== "customer";

  return (
    <form action={formAction} className="flex flex-col gap-4">
      <input type="hidden" name="userId" value={user.id} />
      <p className="flex items-center gap-2 text-sm">
        Status: <UserStatus user={user} />
      </p>
      <FormMessage state={state ?? undefined} />
      {temporary?.temporaryPassword ? (
        <TemporaryPassword email={temporary.email} password={temporary.temporaryPassword} />
      ) : null}

      {isStaff && canChangeRole && !user.isSelf ? (
        <Step
          description="Admins can also manage users and settings."
          action={
            <div className="flex items-end gap-2">
              <SelectField
                label="Role"
                name="role"
                defaultValue={user.role === "customer" ? "staff" : user.role}
              >
                {STAFF_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {STAFF_ROLE_NAMES[role]}
                  </option>
                ))}
              </SelectField>
              <IntentButton intent="role" pending={pending}>
                Change role
              </IntentButton>
            </div>
          }
        />
      ) : null}
      {user.lockedUntil ? (
        <Step
          description="Locked after repeated failed sign-ins. Unlocking lets them try again now."
          action={
            <IntentButton intent="unlock" pending={pending}>
              Unlock
            </IntentButton>
          }
        />
      ) : null}
      {!user.isSelf ? (
        <Step
          description="Makes a new temporary password, shown here once, and signs them out everywhere."
          action={
            <IntentButton intent="reset" pending={pending}>
              Reset password
            </IntentButton>
          }
        />
      ) : null}
      <Step
        description={
          user.isSelf
            ? "Ends all your sessions, this one included."
            : "Ends all their sessions; the password stays the same."
        }
        action={
          <IntentButton intent="sign-out" pending={pending}>
            Sign out everywhere
          </IntentButton>
        }
      />
      {user.disabled ? (
        <Step
          description="They can sign in again."
          action={
            <IntentButton intent="enable" pending={pending}>
              Enable
            </IntentButton>
          }
        />
      ) : !user.isSelf ? (
        <Step
          description="Signs them out and stops them from signing in until enabled again."
          action={
            <IntentButton intent="disable" pending={pending} variant="danger">
              Disable
            </IntentButton>
          }
        />
      ) : null}
    </form>
  );
}

function Step({ description, action }: { description: string; action: ReactNode }) {
  return (
    <div className="flex flex-col gap-2 border-t border-line pt-3 sm:flex-row sm:items-end sm:justify-between">
      <p className="text-sm text-muted sm:max-w-xs">{description}</p>
      <div className="shrink-0">{action}</div>
    </div>
  );
}

function IntentButton({
  intent,
  pending,
  variant = "secondary",
  children,
}: {
  intent: Intent;
  pending: boolean;
  variant?: ButtonVariant;
  children: ReactNode;
}) {
  return (
    <Button type="submit" name="intent" value={intent} variant={variant} disabled={pending}>
      {children}
    </Button>
  );
}
