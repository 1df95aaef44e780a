"use client";

import { SelectField, TextField } from "@/components/ui/field";
import { formatUsd } from "@/lib/format";
import { mailboxesPrice, type Prices } from "@/lib/pricing/price-list";
import {
  CAPACITIES_GB,
  MAILBOXES_PER_PACK,
  PURCHASE_QUANTITY_MAX,
  TERM_MAX,
  TERM_MIN,
  type BillingPeriod,
} from "@/lib/validation/enom-rules";
import { ChoiceGroup } from "./choice-group";
import type { PurchaseChoices } from "./wizard-choices";

const PERIOD_WORD: Record<BillingPeriod, { one: string; many: string }> = {
  month: { one: "month", many: "months" },
  year: { one: "year", many: "years" },
};

export function periodWords(period: BillingPeriod, count: number): string {
  return `${count} ${count === 1 ? PERIOD_WORD[period].one : PERIOD_WORD[period].many}`;
}

/** Mailboxes a choice of unit and quantity means, or null while the quantity is not a number. */
export function mailboxCountOf(choices: Pick<PurchaseChoices, "quantity" | "quantityUnit">): number | null {
  if (!/^\d+$/.test(choices.quantity)) return null;
  const quantity = Number(choices.quantity);
  return choices.quantityUnit === "packs" ? quantity * MAILBOXES_PER_PACK : quantity;
}

/**
 * Step 2 of a new pak: packs of 10 or single mailboxes, how many, storage per mailbox, billing
 * period and term. Prices shown are the reseller's retail prices (the review step quotes exactly).
 */
export function ProductStep({
  choices,
  onChange,
  errors,
  prices,
}: {
  choices: PurchaseChoices;
  onChange: (changes: Partial<PurchaseChoices>) => void;
  errors: Record<string, string[] | undefined>;
  prices: Prices;
}) {
  const period = choices.billingPeriod;
  const packsMax = Math.floor(PURCHASE_QUANTITY_MAX / MAILBOXES_PER_PACK);
  const mailboxes = mailboxCountOf(choices);
  const estimate =
    mailboxes !== null && mailboxes > 0
      ? mailboxesPrice(prices, {
          capacityGb: choices.capacityGb,
          billingPeriod: period,
          mailboxes,
          terms: choices.terms,
        })
      : null;
  return (
    <div className="flex flex-col gap-6">
      <ChoiceGroup
        legend="Mailboxes come in"
        name="quantityUnit"
        value={choices.quantityUnit}
        onChange={(quantityUnit) => onChange({ quantityUnit })}
        choices={[
          { value: "packs", label: "Packs of 10", detail: "10 mailboxes per pack" },
          { value: "boxes", label: "Single mailboxes", detail: "Exactly the number you need" },
        ]}
      />

      <TextField
        label={choices.quantityUnit === "packs" ? "Number of packs" : "Number of mailboxes"}
        name="quantity"
        type="number"
        inputMode="numeric"
        min={1}
        max={choices.quantityUnit === "packs" ? packsMax : PURCHASE_QUANTITY_MAX}
        value={choices.quantity}
        onChange={(event) => onChange({ quantity: event.target.value })}
        errors={errors.quantity}
        className="max-w-xs"
        hint={
          choices.quantityUnit === "packs"
            ? `1 to ${packsMax} packs (at most ${PURCHASE_QUANTITY_MAX} mailboxes in a pak).${mailboxes ? ` That is ${mailboxes} mailboxes.` : ""}`
            : `1 to ${PURCHASE_QUANTITY_MAX} mailboxes.`
        }
      />

      <ChoiceGroup
        legend="Billing"
        name="billingPeriod"
        value={period}
        onChange={(billingPeriod) => onChange({ billingPeriod })}
        choices={[
          { value: "year", label: "Yearly", detail: "Billed per year" },
          { value: "month", label: "Monthly", detail: "Billed per month" },
        ]}
      />

      <ChoiceGroup
        legend="Storage per mailbox"
        name="capacityGb"
        columns={4}
        value={choices.capacityGb}
        onChange={(capacityGb) => onChange({ capacityGb })}
        choices={CAPACITIES_GB.map((gb) => ({
          value: gb,
          label: `${gb} GB`,
          detail: `${formatUsd({ cents: prices.mailbox[period][gb] })} per mailbox a ${PERIOD_WORD[period].one}`,
        }))}
      />

      <SelectField
        label="Term"
        name="terms"
        value={String(choices.terms)}
        onChange={(event) => onChange({ terms: Number(event.target.value) })}
        errors={errors.terms}
        className="max-w-xs"
        hint={`Paid in advance for ${TERM_MIN} to ${TERM_MAX} ${PERIOD_WORD[period].many}.`}
      >
        {Array.from({ length: TERM_MAX - TERM_MIN + 1 }, (_, index) => TERM_MIN + index).map((count) => (
          <option key={count} value={count}>
            {periodWords(period, count)}
          </option>
        ))}
      </SelectField>

      <p className="text-sm" aria-live="polite">
        {estimate !== null ? (
          <>
            Estimated price: <strong>{formatUsd({ cents: estimate })}</strong> for {mailboxes}{" "}
            {mailboxes === 1 ? "mailbox" : "mailboxes"}, {periodWords(period, choices.terms)}. The next step
            shows the exact price.
          </>
        ) : (
          "Enter a quantity to see the price."
        )}
      </p>
    </div>
  );
}
