"use client";

import { useId, useState, type FormEvent } from "react";
import { useAction } from "@/components/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/actions/result";
import { saveSecuritySettingsAction } from "@/lib/actions/security-settings";
import type { SecuritySettings } from "@/lib/settings/security-model";
import { cn } from "@/lib/utils";

/**
 * Settings → Security: two switches, "Two-factor sign-in is required for staff / customers", saved
 * together. Turning one on sends everyone of that kind without two-factor sign-in to set it up
 * before anything else; the admin's own account is warned about first.
 */
export function SecuritySettingsForm({
  saved,
  ownTwoFactorEnabled,
}: {
  saved: SecuritySettings;
  /** Whether the admin looking at the page has two-factor sign-in on themselves. */
  ownTwoFactorEnabled: boolean;
}) {
  const [values, setValues] = useState(saved);
  const [current, setCurrent] = useState(saved);
  const [outcome, setOutcome] = useState<ActionResult<unknown> | undefined>();
  const save = useAction(saveSecuritySettingsAction, {
    onSuccess: (data) => {
      setCurrent(data);
      setValues(data);
    },
  });

  const changed =
    values.requireTwoFactorForStaff !== current.requireTwoFactorForStaff ||
    values.requireTwoFactorForCustomers !== current.requireTwoFactorForCustomers;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = await save.run(values);
    if (result) setOutcome(result);
  };

  return (
    <Card aria-labelledby="two-factor-required-title" className="max-w-3xl">
      <CardTitle className="mb-1">
        <span id="two-factor-required-title">Two-factor sign-in is required for</span>
      </CardTitle>
      <p className="mb-4 text-sm text-muted">
        When it is required, someone without two-factor sign-in can only set it up (on their My account page)
        or sign out, until they have. People who already use it notice nothing.
      </p>
      <form onSubmit={submit} noValidate aria-label="Security settings" className="flex flex-col gap-4">
        <SettingSwitch
          label="Staff"
          description="Admins, staff and support users of this panel."
          checked={values.requireTwoFactorForStaff}
          onChange={(checked) => setValues((value) => ({ ...value, requireTwoFactorForStaff: checked }))}
          disabled={save.pending}
        />
        <SettingSwitch
          label="Customers"
          description="Every login of every customer in their portal. They are told that you require it."
          checked={values.requireTwoFactorForCustomers}
          onChange={(checked) => setValues((value) => ({ ...value, requireTwoFactorForCustomers: checked }))}
          disabled={save.pending}
        />
        {values.requireTwoFactorForStaff && !ownTwoFactorEnabled ? (
          <Alert tone="warning" title="You do not use two-factor sign-in yet">
            After saving, you too are sent to My account to set it up before you can do anything else.
          </Alert>
        ) : null}
        <FormMessage state={outcome} />
        <div>
          <Button type="submit" disabled={save.pending || !changed}>
            {save.pending ? "Saving…" : "Save security settings"}
          </Button>
        </div>
      </form>
    </Card>
  );
}

/** One labelled switch with its description; Space or Enter flips it, like any button. */
function SettingSwitch({
  label,
  description,
  checked,
  onChange,
  disabled,
}: {
  label: string;
  description: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled: boolean;
}) {
  const id = useId();
  return (
    <div className="flex items-start justify-between gap-4 rounded-md border border-line p-3">
      <div className="min-w-0">
        <p id={`${id}-label`} className="text-sm font-medium">
          {label}
        </p>
        <p id={`${id}-description`} className="text-xs text-muted">
          {description}
        </p>
      </div>
      <div className="flex shrink-0 items-center gap-2">
        <span aria-hidden="true" className="text-sm font-medium">
          {checked ? "Required" : "Optional"}
        </span>
        <button
          type="button"
          role="switch"
          aria-checked={checked}
          aria-labelledby={`${id}-label`}
          aria-describedby={`${id}-description`}
          disabled={disabled}
          onClick={() => onChange(!checked)}
          className={cn(
            "relative inline-flex h-6 w-11 shrink-0 items-center rounded-full border-2 border-transparent transition-colors disabled:opacity-60",
            checked ? "bg-accent" : "bg-muted",
          )}
        >
          <span
            aria-hidden="true"
            className={cn(
              "inline-block size-5 rounded-full bg-surface shadow transition-transform",
              checked ? "translate-x-5" : "translate-x-0",
            )}
          />
        </button>
      </div>
    </div>
  );
}
