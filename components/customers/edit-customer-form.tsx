"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/users/form-state";
import { updateCustomerAction } from "@/lib/actions/customers";
import { updateCustomerSchema } from "@/lib/validation/customers";
import { CustomerFields, CustomerSpendingFields, type CustomerSpendingValues } from "./customer-fields";
import type { CustomerFormValues } from "./customer-values";

/**
 * Details, allowances and spending of one customer; a change applies at the customer's next click.
 * Without `spending` the spending settings are neither shown nor sent (they stay as stored).
 */
export function EditCustomerForm({
  customerId,
  saved,
  spending,
}: {
  customerId: string;
  saved: CustomerFormValues;
  spending?: CustomerSpendingValues;
}) {
  // What was typed since the last save; null shows the stored values (read again after a save).
  const [edited, setEdited] = useState<CustomerFormValues | null>(null);
  const [editedSpending, setEditedSpending] = useState<CustomerSpendingValues | null>(null);
  const update = useFormAction(updateCustomerSchema, updateCustomerAction, {
    onSuccess: () => {
      setEdited(null);
      setEditedSpending(null);
    },
  });
  const values = edited ?? saved;
  const spendingValues = editedSpending ?? spending;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void update.run({ customerId, ...values, ...(spendingValues ?? {}) });
      }}
      aria-label="Customer details"
      noValidate
      className="flex flex-col gap-4"
    >
      <CustomerFields values={values} onChange={setEdited} errors={update.fieldErrors} />
      {spendingValues ? (
        <CustomerSpendingFields
          values={spendingValues}
          onChange={setEditedSpending}
          errors={update.fieldErrors}
          ordersAllowed={values.canPurchase || values.canRenew}
        />
      ) : null}
      <FormMessage state={update.result ?? undefined} />
      <div>
        <Button type="submit" disabled={update.pending}>
          {update.pending ? "Saving…" : "Save changes"}
        </Button>
      </div>
    </form>
  );
}
