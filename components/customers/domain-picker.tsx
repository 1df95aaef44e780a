"use client";

import Link from "next/link";
import { useActionState, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { checkInBrowser, fieldErrorsOf, type FormState } from "@/components/users/form-state";
import { setCustomerDomainsAction } from "@/lib/actions/customers";
import { formDataToObject } from "@/lib/actions/result";
import { setCustomerDomainsSchema } from "@/lib/validation/customers";

export interface DomainOption {
  /** `sld.tld`, lower-case. */
  name: string;
  /** Owned by this customer now. */
  assigned: boolean;
  /** Owned by another customer: it cannot be ticked here. */
  owner: { id: string; name: string } | null;
  /** Still in the eNom account (null: unknown, eNom did not answer). */
  inAccount: boolean | null;
}

type Result = { added: string[]; removed: string[] };

/**
 * Which of the account's domains this customer owns: tick to assign, untick to remove, then save.
 * A domain of another customer is shown but cannot be ticked; it has to be removed there first.
 */
export function DomainPicker({
  customerId,
  customerName,
  options,
}: {
  customerId: string;
  customerName: string;
  options: DomainOption[];
}) {
  const [filter, setFilter] = useState("");
  const [state, formAction, pending] = useActionState<FormState<Result>, FormData>(
    async (_previous, formData) => {
      const input = formDataToObject(formData);
      const result =
        checkInBrowser(setCustomerDomainsSchema, input) ?? (await setCustomerDomainsAction(input));
      return { result, values: result.ok ? {} : input };
    },
    { result: null, values: {} },
  );
  // After a failed save the boxes stay as they were ticked; otherwise they show what is stored.
  const failed = state.result !== null && !state.result.ok;
  const ticked = new Set(
    failed ? [state.values.domains ?? []].flat() : options.filter((o) => o.assigned).map((o) => o.name),
  );
  const needle = filter.trim().toLowerCase();
  const shown = options.filter((option) => option.name.includes(needle)).length;
  const errors = fieldErrorsOf(state.result);

  return (
    <form
      action={formAction}
      aria-label={`Domains of ${customerName}`}
      noValidate
      className="flex flex-col gap-4"
    >
      <input type="hidden" name="customerId" value={customerId} />
      {options.length > 8 ? (
        <TextField
          label="Filter domains"
          type="search"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          hint={`${shown} of ${options.length} domains shown. Ticked domains stay ticked while hidden.`}
          // Typing here must not submit the domain form.
          onKeyDown={(event) => {
            if (event.key === "Enter") event.preventDefault();
          }}
        />
      ) : null}
      <fieldset aria-describedby={errors?.domains ? `${customerId}-domains-error` : undefined}>
        <legend className="sr-only">Domains of {customerName}</legend>
        {options.length === 0 ? <p className="text-sm text-muted">No domains to show.</p> : null}
        <ul className="grid max-h-96 gap-2 overflow-y-auto rounded-md border border-line p-3 sm:grid-cols-2">
          {options.map((option) => (
            <li key={option.name} hidden={!option.name.includes(needle)}>
              <CheckboxField
                name="domains"
                value={option.name}
                label={option.name}
                disabled={option.owner !== null}
                defaultChecked={option.owner === null && ticked.has(option.name)}
                hint={domainHint(option)}
              />
            </li>
          ))}
        </ul>
        <div id={`${customerId}-domains-error`} aria-live="polite">
          {errors?.domains?.map((error) => (
            <p key={error} className="mt-1 text-xs font-medium text-danger">
              {error}
            </p>
          ))}
        </div>
      </fieldset>
      <FormMessage state={state.result ?? undefined} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save domains"}
        </Button>
      </div>
    </form>
  );
}

function domainHint(option: DomainOption): ReactNode {
  if (option.owner) {
    return (
      <>
        Belongs to{" "}
        <Link href={`/customers/${option.owner.id}`} className="underline underline-offset-2">
          {option.owner.name}
        </Link>
      </>
    );
  }
  if (option.inAccount === false) return "No longer in your eNom account";
  return undefined;
}
