"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import {
  checkInBrowser,
  fieldErrorsOf,
  initialFormState,
  keptValues,
  type FormState,
} from "@/components/users/form-state";
import { NewLoginFields, withPasswordMode } from "@/components/users/new-login-fields";
import { TemporaryPassword } from "@/components/users/temporary-password";
import { createCustomerLoginAction } from "@/lib/actions/customers";
import { formDataToObject } from "@/lib/actions/result";
import { createCustomerLoginSchema, type TemporaryPasswordResult } from "@/lib/validation/users";

/** A login to the customer's portal; a generated temporary password is shown once below the form. */
export function CreateCustomerLoginForm({
  customerId,
  customerName,
}: {
  customerId: string;
  customerName: string;
}) {
  const [state, formAction, pending] = useActionState<FormState<TemporaryPasswordResult>, FormData>(
    async (_previous, formData) => {
      const input = withPasswordMode(formDataToObject(formData));
      const result =
        checkInBrowser(createCustomerLoginSchema, input) ?? (await createCustomerLoginAction(input));
      return { result, values: result.ok ? {} : keptValues(input) };
    },
    initialFormState(),
  );
  const created = state.result?.ok ? state.result.data : null;

  return (
    <form
      action={formAction}
      aria-label={`Add a login for ${customerName}`}
      noValidate
      className="grid gap-4 sm:grid-cols-2"
    >
      <input type="hidden" name="customerId" value={customerId} />
      <NewLoginFields values={state.values} errors={fieldErrorsOf(state.result)} />
      <div className="flex flex-col gap-3 sm:col-span-2">
        <FormMessage state={state.result ?? undefined} />
        {created?.temporaryPassword ? (
          <TemporaryPassword email={created.email} password={created.temporaryPassword} />
        ) : null}
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? "Adding…" : "Add login"}
          </Button>
        </div>
      </div>
    </form>
  );
}
