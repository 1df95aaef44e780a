"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/users/form-state";
import { EMPTY_LOGIN, LoginFields, newLoginInput, type NewLogin } from "@/components/users/login-fields";
import { TemporaryPassword } from "@/components/users/temporary-password";
import { createCustomerLoginAction } from "@/lib/actions/customers";
import { createCustomerLoginSchema } from "@/lib/validation/users";

/** A login to the customer's portal; a generated temporary password is shown once below the form. */
export function CreateCustomerLoginForm({
  customerId,
  customerName,
}: {
  customerId: string;
  customerName: string;
}) {
  const [login, setLogin] = useState<NewLogin>(EMPTY_LOGIN);
  // Once added, the fields are empty again for the next login.
  const create = useFormAction(createCustomerLoginSchema, createCustomerLoginAction, {
    onSuccess: () => setLogin(EMPTY_LOGIN),
  });
  const created = create.result?.ok ? create.result.data : null;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void create.run({ ...newLoginInput(login), customerId });
      }}
      aria-label={`Add a login for ${customerName}`}
      noValidate
      className="grid gap-4 sm:grid-cols-2"
    >
      <LoginFields login={login} onChange={setLogin} errors={create.fieldErrors} />
      <div className="flex flex-col gap-3 sm:col-span-2">
        <FormMessage state={create.result ?? undefined} />
        {created?.temporaryPassword ? (
          <TemporaryPassword email={created.email} password={created.temporaryPassword} />
        ) : null}
        <div>
          <Button type="submit" disabled={create.pending}>
            {create.pending ? "Adding…" : "Add login"}
          </Button>
        </div>
      </div>
    </form>
  );
}
