"use client";

import { Plus } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/users/form-state";
import { createCustomerAction } from "@/lib/actions/customers";
import { createCustomerSchema } from "@/lib/validation/customers";
import { CustomerFields } from "./customer-fields";
import { NEW_CUSTOMER_VALUES, type CustomerFormValues } from "./customer-values";

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
  const [values, setValues] = useState<CustomerFormValues>(NEW_CUSTOMER_VALUES);
  const create = useFormAction(createCustomerSchema, createCustomerAction);
  const created = create.result?.ok ? create.result.data : null;

  if (created) {
    return (
      <div className="flex flex-col gap-4">
        <FormMessage state={create.result ?? undefined} />
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
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void create.run(values);
      }}
      aria-label="Add a customer"
      noValidate
      className="flex flex-col gap-4"
    >
      <CustomerFields values={values} onChange={setValues} errors={create.fieldErrors} />
      <FormMessage state={create.result ?? undefined} />
      <div>
        <Button type="submit" disabled={create.pending}>
          {create.pending ? "Adding…" : "Add customer"}
        </Button>
      </div>
    </form>
  );
}
