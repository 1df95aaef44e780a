"use client";

import type { ChangeEvent } from "react";
import { CheckboxField, TextAreaField, TextField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/actions/result";
import {
  ALLOWANCES,
  CUSTOMER_NAME_MAX,
  CUSTOMER_NOTES_MAX,
  SPENDING_LABELS,
} from "@/lib/validation/customers";
import type { CustomerDetailKey, CustomerFormValues } from "./customer-values";

/** The customer's details and what it may do in the portal, for both adding and editing. */
export function CustomerFields({
  values,
  onChange,
  errors,
}: {
  values: CustomerFormValues;
  onChange: (values: CustomerFormValues) => void;
  errors: FieldErrors;
}) {
  const text = (key: CustomerDetailKey) => (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    onChange({ ...values, [key]: event.target.value });
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Customer name"
          name="name"
          required
          maxLength={CUSTOMER_NAME_MAX}
          autoComplete="organization"
          value={values.name}
          onChange={text("name")}
          errors={errors.name}
        />
        <TextField
          label="Contact name"
          name="contactName"
          maxLength={100}
          autoComplete="name"
          value={values.contactName}
          onChange={text("contactName")}
          errors={errors.contactName}
        />
        <TextField
          label="Contact email"
          name="contactEmail"
          type="email"
          maxLength={254}
          autoComplete="email"
          value={values.contactEmail}
          onChange={text("contactEmail")}
          errors={errors.contactEmail}
        />
        <TextField
          label="Contact phone"
          name="contactPhone"
          type="tel"
          maxLength={40}
          autoComplete="tel"
          value={values.contactPhone}
          onChange={text("contactPhone")}
          errors={errors.contactPhone}
        />
        <TextAreaField
          label="Notes"
          name="notes"
          rows={3}
          maxLength={CUSTOMER_NOTES_MAX}
          className="sm:col-span-2"
          hint="For your team only; the customer never sees them."
          value={values.notes}
          onChange={text("notes")}
          errors={errors.notes}
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
            checked={values[key]}
            onChange={(event) => onChange({ ...values, [key]: event.target.checked })}
          />
        ))}
        <p className="text-xs text-muted">They always see their own domains, paks and mailboxes.</p>
      </fieldset>
    </>
  );
}

/** What the customer may spend in the portal, as the form shows and sends it. */
export interface CustomerSpendingValues {
  /** Dollars as typed ("250.00"); empty: no limit. */
  monthlySpendLimit: string;
  purchaseApproval: boolean;
}

/**
 * The monthly spending limit and "ask staff to approve" (issue 16), on the customer's page. The
 * approval box only matters while the customer may buy or renew (`ordersAllowed`): it is kept,
 * and says so, otherwise.
 */
export function CustomerSpendingFields({
  values,
  onChange,
  errors,
  ordersAllowed,
}: {
  values: CustomerSpendingValues;
  onChange: (values: CustomerSpendingValues) => void;
  errors: FieldErrors;
  ordersAllowed: boolean;
}) {
  const { monthlySpendLimit, purchaseApproval } = SPENDING_LABELS;
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-sm font-medium">Spending in the portal</legend>
      <TextField
        label={monthlySpendLimit.label}
        name="monthlySpendLimit"
        inputMode="decimal"
        autoComplete="off"
        placeholder="No limit"
        className="max-w-xs"
        hint={monthlySpendLimit.hint}
        value={values.monthlySpendLimit}
        onChange={(event) => onChange({ ...values, monthlySpendLimit: event.target.value })}
        errors={errors.monthlySpendLimit}
      />
      <CheckboxField
        name="purchaseApproval"
        label={purchaseApproval.label}
        hint={ordersAllowed ? purchaseApproval.hint : purchaseApproval.inactive}
        checked={values.purchaseApproval}
        onChange={(event) => onChange({ ...values, purchaseApproval: event.target.checked })}
      />
    </fieldset>
  );
}
