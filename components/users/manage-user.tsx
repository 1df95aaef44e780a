"use client";

import { useState, type ReactNode } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useAction } from "@/components/use-action";
import type { ActionResult } from "@/lib/actions/result";
import {
  changeUserRoleAction,
  disableUserAction,
  enableUserAction,
  resetUserPasswordAction,
  signOutEverywhereAction,
  unlockUserAction,
} from "@/lib/actions/users";
import {
  STAFF_ROLE_NAMES,
  STAFF_ROLES,
  type ChangeUserRoleInput,
  type StaffRole,
  type TemporaryPasswordResult,
  type UserTargetInput,
} from "@/lib/validation/users";
import { staffRoleOf } from "./staff-role";
import { TemporaryPassword } from "./temporary-password";
import { UserStatus } from "./user-status";
import type { UserSummary } from "./user-summary";

/** What can be done to one login: each names the user; a role change also the new role. */
type ManageInput =
  | ({ intent: "disable" | "enable" | "reset" | "sign-out" | "unlock" } & UserTargetInput)
  | ({ intent: "role" } & ChangeUserRoleInput);
type Intent = ManageInput["intent"];
type ManageResult = ActionResult<TemporaryPasswordResult | undefined>;

const TARGET_ACTIONS = {
  disable: disableUserAction,
  enable: enableUserAction,
  reset: resetUserPasswordAction,
  "sign-out": signOutEverywhereAction,
  unlock: unlockUserAction,
} satisfies Record<Exclude<Intent, "role">, (input: UserTargetInput) => Promise<ManageResult>>;

/** The one action the pressed button stands for. */
function manageUser({ intent, ...input }: ManageInput): Promise<ManageResult> {
  if (intent === "role") return changeUserRoleAction(input);
  return TARGET_ACTIONS[intent](input);
}

/**
 * Everything that can be done to one login, in a dialog opened from its row: each button runs its
 * action, one at a time (`useAction`). The server decides again whether the signed-in user may do
 * it (admins: anyone; staff: customers' logins only).
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
  const [role, setRole] = useState<StaffRole>(user.role === "customer" ? "staff" : user.role);
  // The last answer stays on show (a temporary password with it) until the next one.
  const [result, setResult] = useState<ManageResult | null>(null);
  const manage = useAction(manageUser);
  const pending = manage.pending;
  const run = async (input: ManageInput) => {
    const answer = await manage.run(input);
    if (answer) setResult(answer);
  };
  const act = (intent: Exclude<Intent, "role">) => () => void run({ intent, userId: user.id });
  const temporary = result?.ok && result.data?.temporaryPassword ? result.data : null;
  const isStaff = user.role !== "customer";

  return (
    <div className="flex flex-col gap-4">
      <p className="flex items-center gap-2 text-sm">
        Status: <UserStatus user={user} />
      </p>
      <FormMessage state={result ?? undefined} />
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
                value={role}
                onChange={(event) => setRole(staffRoleOf(event.target.value))}
                errors={manage.fieldErrors.role}
              >
                {STAFF_ROLES.map((option) => (
                  <option key={option} value={option}>
                    {STAFF_ROLE_NAMES[option]}
                  </option>
                ))}
              </SelectField>
              <IntentButton
                onClick={() => void run({ intent: "role", userId: user.id, role })}
                pending={pending}
              >
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
            <IntentButton onClick={act("unlock")} pending={pending}>
              Unlock
            </IntentButton>
          }
        />
      ) : null}
      {!user.isSelf ? (
        <Step
          description="Makes a new temporary password, shown here once, and signs them out everywhere."
          action={
            <IntentButton onClick={act("reset")} pending={pending}>
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
          <IntentButton onClick={act("sign-out")} pending={pending}>
            Sign out everywhere
          </IntentButton>
        }
      />
      {user.disabled ? (
        <Step
          description="They can sign in again."
          action={
            <IntentButton onClick={act("enable")} pending={pending}>
              Enable
            </IntentButton>
          }
        />
      ) : !user.isSelf ? (
        <Step
          description="Signs them out and stops them from signing in until enabled again."
          action={
            <IntentButton onClick={act("disable")} pending={pending} variant="danger">
              Disable
            </IntentButton>
          }
        />
      ) : null}
    </div>
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
  onClick,
  pending,
  variant = "secondary",
  children,
}: {
  onClick: () => void;
  pending: boolean;
  variant?: ButtonVariant;
  children: ReactNode;
}) {
  return (
    <Button onClick={onClick} variant={variant} disabled={pending}>
      {children}
    </Button>
  );
}
