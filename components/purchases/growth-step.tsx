"use client";

import { formatQuota } from "@/components/domains/format";
import { TextField } from "@/components/ui/field";
import { formatCalendarDate } from "@/lib/format";
import { PURCHASE_QUANTITY_MAX, STORAGE_UNIT_MB } from "@/lib/validation/enom-rules";
import { STORAGE_UNITS_MAX } from "@/lib/validation/purchases";
import type { GrowthTarget, PurchaseChoices } from "./wizard-choices";

/** Extra 512 MB units the pak has now, from its quota and capacity. */
export function currentStorageUnits(target: GrowthTarget): number {
  if (target.quotaMb === null || target.capacityGb === null) return 0;
  return Math.max(0, Math.round((target.quotaMb - target.capacityGb * 1024) / STORAGE_UNIT_MB));
}

/**
 * Step 2 of growing a pak: how many mailboxes, or how many 512 MB units of storage per mailbox,
 * to add. Both are paid until the pak's current expiry.
 */
export function GrowthStep({
  target,
  choices,
  onChange,
  errors,
}: {
  target: GrowthTarget;
  choices: PurchaseChoices;
  onChange: (changes: Partial<PurchaseChoices>) => void;
  errors: Record<string, string[] | undefined>;
}) {
  const amount = /^\d+$/.test(choices.growthAmount) ? Number(choices.growthAmount) : null;
  const until = formatCalendarDate({ iso: target.expires });
  if (target.mode === "mailboxes") {
    const room = PURCHASE_QUANTITY_MAX - target.purchased;
    return (
      <div className="flex flex-col gap-4">
        <TextField
          label="Mailboxes to add"
          name="quantity"
          type="number"
          inputMode="numeric"
          min={1}
          max={Math.max(1, room)}
          value={choices.growthAmount}
          onChange={(event) => onChange({ growthAmount: event.target.value })}
          errors={errors.quantity}
          className="max-w-xs"
          hint={`Single mailboxes, not packs of 10. The pak has ${target.purchased} mailboxes (${target.used} in use); a pak holds at most ${PURCHASE_QUANTITY_MAX}.`}
        />
        <p className="text-sm" aria-live="polite">
          {amount ? (
            <>
              After this the pak has <strong>{target.purchased + amount} mailboxes</strong>, paid until{" "}
              {until}, when the pak renews.
            </>
          ) : (
            "Enter how many mailboxes to add."
          )}
        </p>
      </div>
    );
  }
  const units = currentStorageUnits(target);
  const quotaNow = target.quotaMb ?? (target.capacityGb ?? 1) * 1024;
  const room = STORAGE_UNITS_MAX - units;
  return (
    <div className="flex flex-col gap-4">
      <TextField
        label="Extra storage per mailbox, in 512 MB units"
        name="units"
        type="number"
        inputMode="numeric"
        min={1}
        max={Math.max(1, room)}
        value={choices.growthAmount}
        onChange={(event) => onChange({ growthAmount: event.target.value })}
        errors={errors.units}
        className="max-w-xs"
        hint={`Each mailbox has ${formatQuota(quotaNow)} now${units ? ` (${units} extra ${units === 1 ? "unit" : "units"})` : ""}; up to ${Math.max(0, room)} more ${room === 1 ? "unit" : "units"} can be added.`}
      />
      <p className="text-sm" aria-live="polite">
        {amount ? (
          <>
            Each of the pak&apos;s {target.purchased} mailboxes will have{" "}
            <strong>{formatQuota(quotaNow + amount * STORAGE_UNIT_MB)}</strong> (now {formatQuota(quotaNow)}),
            paid until {until}.
          </>
        ) : (
          "Enter how many 512 MB units to add."
        )}
      </p>
    </div>
  );
}
