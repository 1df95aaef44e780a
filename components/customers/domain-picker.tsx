"use client";

import Link from "next/link";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/users/form-state";
import { setCustomerDomainsAction } from "@/lib/actions/customers";
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
  // What was ticked since the last save; null shows what is stored (read again after a save).
  // After a failed save the boxes stay as they were ticked.
  const [edited, setEdited] = useState<ReadonlySet<string> | null>(null);
  const save = useFormAction(setCustomerDomainsSchema, setCustomerDomainsAction, {
    onSuccess: () => setEdited(null),
  });
  const ticked = edited ?? new Set(options.filter((o) => o.assigned).map((o) => o.name));
  const tick = (name: string, checked: boolean) => {
    const next = new Set(ticked);
    if (checked) next.add(name);
    else next.delete(name);
    setEdited(next);
  };
  const needle = filter.trim().toLowerCase();
  const shown = options.filter((option) => option.name.includes(needle)).length;
  const errors = save.fieldErrors;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        // A domain of another customer is never sent: it cannot be ticked here.
        const domains = options.filter((o) => o.owner === null && ticked.has(o.name)).map((o) => o.name);
        void save.run({ customerId, domains });
      }}
      aria-label={`Domains of ${customerName}`}
      noValidate
      className="flex flex-col gap-4"
    >
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
      <fieldset aria-describedby={errors.domains ? `${customerId}-domains-error` : undefined}>
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
                checked={option.owner === null && ticked.has(option.name)}
                onChange={(event) => tick(option.name, event.target.checked)}
                hint={domainHint(option)}
              />
            </li>
          ))}
        </ul>
        <div id={`${customerId}-domains-error`} aria-live="polite">
          {errors.domains?.map((error) => (
            <p key={error} className="mt-1 text-xs font-medium text-danger">
              {error}
            </p>
          ))}
        </div>
      </fieldset>
      <FormMessage state={save.result ?? undefined} />
      <div>
        <Button type="submit" disabled={save.pending}>
          {save.pending ? "Saving…" : "Save domains"}
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
