"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { checkInBrowser, fieldErrorsOf, keptValues, type FormState } from "@/components/users/form-state";
import { updateCustomerAction } from "@/lib/actions/customers";
import { formDataToObject } from "@/lib/actions/result";
import { updateCustomerSchema } from "@/lib/validation/customers";
import { CustomerFields } from "./customer-fields";
import type { FormValues } from "./customer-values";

/** Details and allowances of one customer; a change of allowance applies at the customer's next click. */
export function EditCustomerForm({ customerId, saved }: { customerId: string; saved: FormValues }) {
  const [state, formAction, pending] = useActionState<FormState<undefined>, FormData>(
    async (_previous, formData) => {
      const input = formDataToObject(formData);
      const result = checkInBrowser(updateCustomerSchema, input) ?? (await updateCustomerAction(input));
      // After a save the page shows the stored values again; after an error, what was typed.
      return { result, values: result.ok ? {} : keptValues(input) };
    },
    { result: null, values: {} },
  );
  const values = state.result && !state.result.ok ? state.values : saved;

  return (
    <form action={formAction} aria-label="Customer details" noValidate className="flex flex-col gap-4">
      <input type="hidden" name="customerId" value={customerId} />
      <CustomerFields values={values} errors={fieldErrorsOf(state.result)} />
      <FormMessage state={state.result ?? undefined} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save changes"}
        </Button>
      </div>
    </form>
  );
}
