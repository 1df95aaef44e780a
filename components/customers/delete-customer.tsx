"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/users/form-state";
import { deleteCustomerAction } from "@/lib/actions/customers";
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
  const [confirmName, setConfirmName] = useState("");
  const remove = useFormAction(deleteCustomerSchema, deleteCustomerAction, {
    // The customer's page no longer exists; back to the list, read afresh.
    onSuccess: () => router.push("/customers"),
  });

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void remove.run({ customerId, confirmName });
      }}
      noValidate
      className="flex flex-col gap-4"
    >
      <TextField
        label={`Type ${customerName} to confirm`}
        name="confirmName"
        autoComplete="off"
        required
        value={confirmName}
        onChange={(event) => setConfirmName(event.target.value)}
        errors={remove.fieldErrors.confirmName}
      />
      <FormMessage state={remove.result ?? undefined} />
      <div className="flex gap-2">
        <Button type="submit" variant="danger" disabled={remove.pending}>
          {remove.pending ? "Deleting…" : "Delete customer"}
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
