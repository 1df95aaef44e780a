"use client";

import { Plus } from "lucide-react";
import Link from "next/link";
import { useActionState, useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-message";
import { checkInBrowser, fieldErrorsOf, keptValues, type FormState } from "@/components/users/form-state";
import { createCustomerAction } from "@/lib/actions/customers";
import { formDataToObject } from "@/lib/actions/result";
import { createCustomerSchema } from "@/lib/validation/customers";
import { CustomerFields } from "./customer-fields";

// A new customer may manage its mailboxes, as the database's own default has it.
const NEW_CUSTOMER_VALUES = { canCreateMailboxes: "on", canManageMailboxes: "on" };

/** The Customers page's "Add a customer" button and its dialog. */
export function AddCustomer() {
  const [open, setOpen] = useState(false);
  const [round, setRound] = useState(0);
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <Plus aria-hidden="true" className="size-4" />
        Add a customer
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Add a customer"
        description="Then give it its domains and a login to the portal."
      >
        <CreateCustomerForm
          key={round}
          onDone={() => setOpen(false)}
          onAddAnother={() => setRound((n) => n + 1)}
        />
      </Dialog>
    </>
  );
}

export function CreateCustomerForm({
  onDone,
  onAddAnother,
}: {
  onDone: () => void;
  onAddAnother: () => void;
}) {
  const [state, formAction, pending] = useActionState<
    FormState<{ customerId: string; name: string }>,
    FormData
  >(
    async (_previous, formData) => {
      const input = formDataToObject(formData);
      const result = checkInBrowser(createCustomerSchema, input) ?? (await createCustomerAction(input));
      return { result, values: result.ok ? NEW_CUSTOMER_VALUES : keptValues(input) };
    },
    { result: null, values: NEW_CUSTOMER_VALUES },
  );
  const created = state.result?.ok ? state.result.data : null;

  if (created) {
    return (
      <div className="flex flex-col gap-4">
        <FormMessage state={state.result ?? undefined} />
        <div className="flex flex-wrap gap-2">
          <Link href={`/customers/${created.customerId}`} className={buttonClasses()} autoFocus>
            Set up {created.name}
          </Link>
          <Button variant="secondary" onClick={onAddAnother}>
            Add another
          </Button>
          <Button variant="ghost" onClick={onDone}>
            Done
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form action={formAction} aria-label="Add a customer" noValidate className="flex flex-col gap-4">
      <CustomerFields values={state.values} errors={fieldErrorsOf(state.result)} />
      <FormMessage state={state.result ?? undefined} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add customer"}
        </Button>
      </div>
    </form>
  );
}
