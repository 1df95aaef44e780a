"use client";

import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { checkInBrowser, fieldErrorsOf, type FormState } from "@/components/users/form-state";
import { deleteCustomerAction } from "@/lib/actions/customers";
import { formDataToObject } from "@/lib/actions/result";
import { deleteCustomerSchema } from "@/lib/validation/customers";

/** Deleting asks for the customer's name, typed out, in a dialog. */
export function DeleteCustomer({
  customerId,
  customerName,
  loginCount,
  domainCount,
}: {
  customerId: string;
  customerName: string;
  loginCount: number;
  domainCount: number;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete customer
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Delete ${customerName}?`}
        description={`Its ${plural(loginCount, "login")} and ${plural(domainCount, "domain assignment")} are deleted with it. The domains and their email at eNom are not touched.`}
      >
        <DeleteCustomerForm
          customerId={customerId}
          customerName={customerName}
          onCancel={() => setOpen(false)}
        />
      </Dialog>
    </>
  );
}

function DeleteCustomerForm({
  customerId,
  customerName,
  onCancel,
}: {
  customerId: string;
  customerName: string;
  onCancel: () => void;
}) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState<FormState<{ name: string }>, FormData>(
    async (_previous, formData) => {
      const input = formDataToObject(formData);
      const result = checkInBrowser(deleteCustomerSchema, input) ?? (await deleteCustomerAction(input));
      // The customer's page no longer exists; back to the list, read afresh.
      if (result.ok) router.push("/customers");
      return { result, values: result.ok ? {} : input };
    },
    { result: null, values: {} },
  );

  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="customerId" value={customerId} />
      <TextField
        label={`Type ${customerName} to confirm`}
        name="confirmName"
        autoComplete="off"
        required
        defaultValue={typeof state.values.confirmName === "string" ? state.values.confirmName : ""}
        errors={fieldErrorsOf(state.result)?.confirmName}
      />
      <FormMessage state={state.result ?? undefined} />
      <div className="flex gap-2">
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Deleting…" : "Delete customer"}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
