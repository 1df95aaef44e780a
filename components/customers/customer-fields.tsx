"use client";

import { CheckboxField, TextAreaField, TextField } from "@/components/ui/field";
import { ALLOWANCES, CUSTOMER_NAME_MAX, CUSTOMER_NOTES_MAX } from "@/lib/validation/customers";
import { textOf } from "@/components/users/form-state";
import type { FormValues } from "./customer-values";

/** The customer's details and what it may do in the portal, for both adding and editing. */
export function CustomerFields({
  values,
  errors,
}: {
  values: FormValues;
  errors: Record<string, string[] | undefined> | undefined;
}) {
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Customer name"
          name="name"
          required
          maxLength={CUSTOMER_NAME_MAX}
          autoComplete="organization"
          defaultValue={textOf(values, "name")}
          errors={errors?.name}
        />
        <TextField
          label="Contact name"
          name="contactName"
          maxLength={100}
          autoComplete="name"
          defaultValue={textOf(values, "contactName")}
          errors={errors?.contactName}
        />
        <TextField
          label="Contact email"
          name="contactEmail"
          type="email"
          maxLength={254}
          autoComplete="email"
          defaultValue={textOf(values, "contactEmail")}
          errors={errors?.contactEmail}
        />
        <TextField
          label="Contact phone"
          name="contactPhone"
          type="tel"
          maxLength={40}
          autoComplete="tel"
          defaultValue={textOf(values, "contactPhone")}
          errors={errors?.contactPhone}
        />
        <TextAreaField
          label="Notes"
          name="notes"
          rows={3}
          maxLength={CUSTOMER_NOTES_MAX}
          className="sm:col-span-2"
          hint="For your team only; the customer never sees them."
          defaultValue={textOf(values, "notes")}
          errors={errors?.notes}
        />
      </div>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-sm font-medium">In the portal, this customer may</legend>
        {ALLOWANCES.map(({ key, label, hint }) => (
          <CheckboxField
            key={key}
            name={key}
            label={label}
            hint={hint}
            defaultChecked={textOf(values, key) === "on"}
          />
        ))}
        <p className="text-xs text-muted">They always see their own domains, paks and mailboxes.</p>
      </fieldset>
    </>
  );
}
