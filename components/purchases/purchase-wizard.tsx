"use client";

import { useState } from "react";
import { formatQuota } from "@/components/domains/format";
import { purchaseAction } from "@/lib/actions/purchases";
import { formatCalendarDate } from "@/lib/format";
import type { Prices } from "@/lib/pricing/price-list";
import { PURCHASE_QUANTITY_MAX } from "@/lib/validation/enom-rules";
import { domainNameSchema } from "@/lib/validation/paks";
import { purchaseRequestSchema, STORAGE_UNITS_MAX } from "@/lib/validation/purchases";
import { DomainStep } from "./domain-step";
import { EarlierOrderNotice } from "./earlier-order";
import { currentStorageUnits, GrowthStep } from "./growth-step";
import { SendForApproval } from "@/components/approvals/send-for-approval";
import { orderPakLabel } from "@/lib/paks/pak-name";
import { OrderConfirmStep, QuoteReviewStep } from "./order-steps";
import { ProductStep } from "./product-step";
import { readFieldErrors, usePurchaseQuote } from "./purchase-reads";
import type { Audience } from "./quote-summary";
import { StepHeading } from "./step-heading";
import { Stepper } from "./stepper";
import { useOrderSubmit } from "./use-order-submit";
import { fieldErrorsByName, withReassurance, WizardStepForm } from "./wizard-frame";
import {
  purchaseRequestOf,
  purchaseWizardHref,
  type GrowthTarget,
  type PurchaseChoices,
} from "./wizard-choices";

export interface PurchaseWizardProps {
  audience: Audience;
  basePath: "" | "/portal";
  initialChoices: PurchaseChoices;
  /** Growing an existing pak (?pak=N&grow=…): the domain and pak are fixed. */
  growth: GrowthTarget | null;
  /** The reseller's retail prices, for live estimates (the review step quotes exactly). */
  prices: Prices;
}

type Errors = Record<string, string[] | undefined>;

const DOMAIN = 0;
const PRODUCT = 1;
const REVIEW = 2;
const CONFIRM = 3;

/** The fields of the product (or growth) step: an order refused for one of them goes back there. */
const PRODUCT_FIELDS = ["quantity", "units", "terms", "capacityGb", "billingPeriod", "quantityUnit"];

/**
 * Buying a new pak (domain, product, review, confirm) or growing one (mailboxes or storage). The
 * choices stay through every failure; the submission carries an idempotency key, so a double
 * click or a refresh can never buy twice, and the server finds the same order from another tab,
 * device or person (then the notice offers to see it, or to buy again on purpose).
 */
export function PurchaseWizard({ audience, basePath, initialChoices, growth, prices }: PurchaseWizardProps) {
  const [choices, setChoices] = useState(initialChoices);
  const [step, setStep] = useState(growth || initialChoices.domain ? PRODUCT : DOMAIN);
  const [moved, setMoved] = useState(false);
  const [errors, setErrors] = useState<Errors>({});

  const steps = growth
    ? ["Pak", growth.mode === "mailboxes" ? "Mailboxes" : "Storage", "Review", "Confirm"]
    : ["Domain", "Product", "Review", "Confirm"];

  const request = purchaseRequestOf(choices, growth);
  const order = useOrderSubmit({
    scope: "purchase",
    action: purchaseAction,
    basePath,
    done: "bought",
    request,
    placed: (attempt) =>
      attempt.status === "failed" ? null : { key: attempt.key, replayed: attempt.replayed },
  });
  const { problem, setProblem, earlier, submitting } = order;
  // The exact price, asked on the review step for the choices on screen (and again on each visit).
  const quoting = usePurchaseQuote(request, step >= REVIEW);
  const quote = quoting.data ?? null;
  const quoteErrors = fieldErrorsByName(readFieldErrors(quoting.error));

  const goTo = (next: number) => {
    setMoved(true);
    setProblem(null);
    setStep(next);
  };

  const change = (changes: Partial<PurchaseChoices>) => {
    setChoices((current) => ({ ...current, ...changes }));
    setErrors({});
    order.clearEarlier();
  };

  const checkDomain = () => {
    const parsed = domainNameSchema.safeParse(choices.domain);
    if (!choices.domain || !parsed.success) {
      setErrors({ domain: ["Choose the domain that gets the mailboxes."] });
      return;
    }
    setErrors({});
    goTo(PRODUCT);
  };

  const checkProduct = () => {
    const parsed = purchaseRequestSchema.safeParse(request);
    const found: Errors = {};
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const name = String(issue.path.at(-1) ?? "form");
        found[name] = [...(found[name] ?? []), issue.message];
      }
    else if (growth?.mode === "mailboxes" && parsed.data.kind === "add-mailboxes") {
      const room = PURCHASE_QUANTITY_MAX - growth.purchased;
      if (parsed.data.quantity > room)
        found.quantity = [
          room > 0
            ? `This pak can take at most ${room} more ${room === 1 ? "mailbox" : "mailboxes"}.`
            : "This pak is at its limit of mailboxes; buy a new pak instead.",
        ];
    } else if (growth?.mode === "storage" && parsed.data.kind === "add-storage") {
      const room = STORAGE_UNITS_MAX - currentStorageUnits(growth);
      if (parsed.data.units > room)
        found.units = [
          room > 0
            ? `This pak can take at most ${room} more ${room === 1 ? "unit" : "units"} of storage.`
            : "This pak already has the most storage there is.",
        ];
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    goTo(REVIEW);
  };

  /**
   * Places the order. `confirmation` is the server's, from the notice of the same order placed
   * minutes ago: only with it is the same thing bought again.
   */
  const buy = async (confirmation?: string) => {
    if (!quote?.sufficient) return;
    const result = await order.place({ origin: purchaseWizardHref(basePath, choices, growth), confirmation });
    if (!result) return;
    // Nothing was bought (the next try gets a fresh key): back to the step of the field blamed.
    const fieldErrors = result.ok ? {} : fieldErrorsByName(result.fieldErrors);
    if (PRODUCT_FIELDS.some((field) => fieldErrors[field])) goTo(PRODUCT);
    setErrors(fieldErrors);
    setProblem({
      title: "The purchase did not go through",
      message: withReassurance(result.ok ? result.data.message : result.message, "bought"),
    });
  };

  // Customers never read eNom's BundleID: their pak is named by what it is.
  const growthPak = growth ? orderPakLabel(growth, audience === "staff" ? "staff" : "portal") : "";
  const what = growth
    ? growth.mode === "mailboxes"
      ? `${choices.growthAmount} more ${choices.growthAmount === "1" ? "mailbox" : "mailboxes"} for ${growthPak} of ${growth.domain}`
      : `${choices.growthAmount} × 512 MB more storage per mailbox for ${growthPak} of ${growth.domain}`
    : `A new pak for ${choices.domain}`;

  return (
    <div className="rounded-lg border border-line bg-surface p-5 shadow-sm">
      <Stepper steps={steps} current={step} onSelect={goTo} locked={submitting} />

      {step === DOMAIN && !growth ? (
        <WizardStepForm label="Domain" problem={problem} onContinue={checkDomain}>
          <StepHeading focus={moved} description="Only domains that can take email are listed.">
            Choose the domain
          </StepHeading>
          <DomainStep
            value={choices.domain}
            onChange={(domain) => change({ domain })}
            errors={errors.domain ?? quoteErrors.domain}
            showCustomers={audience === "staff"}
          />
        </WizardStepForm>
      ) : null}

      {step === DOMAIN && growth ? (
        <WizardStepForm label="Pak" problem={problem} onContinue={() => goTo(PRODUCT)}>
          <StepHeading focus={moved}>The pak</StepHeading>
          <GrowthTargetSummary target={growth} pakLabel={growthPak} />
        </WizardStepForm>
      ) : null}

      {step === PRODUCT ? (
        <WizardStepForm
          label={steps[PRODUCT] ?? "Product"}
          problem={problem}
          onBack={() => goTo(DOMAIN)}
          onContinue={checkProduct}
          continueLabel="Review"
        >
          {growth ? (
            <>
              <StepHeading
                focus={moved}
                description={`${growthPak.charAt(0).toUpperCase()}${growthPak.slice(1)} of ${growth.domain}, paid until ${formatCalendarDate({ iso: growth.expires })}.`}
              >
                {growth.mode === "mailboxes" ? "Add mailboxes" : "Add storage"}
              </StepHeading>
              <GrowthStep
                target={growth}
                choices={choices}
                onChange={change}
                errors={{ ...quoteErrors, ...errors }}
              />
            </>
          ) : (
            <>
              <StepHeading focus={moved} description={`For ${choices.domain}.`}>
                Choose the mailboxes
              </StepHeading>
              <ProductStep
                choices={choices}
                onChange={change}
                errors={{ ...quoteErrors, ...errors }}
                prices={prices}
              />
            </>
          )}
        </WizardStepForm>
      ) : null}

      {step === REVIEW ? (
        <QuoteReviewStep
          heading="Review the price"
          description={what}
          focus={moved}
          quoting={quoting}
          audience={audience}
          problem={problem}
          onBack={() => goTo(PRODUCT)}
          onContinue={() => goTo(CONFIRM)}
        />
      ) : null}

      {step === CONFIRM ? (
        <OrderConfirmStep
          heading="Confirm the purchase"
          focus={moved}
          problem={problem}
          quote={quote}
          audience={audience}
          submitting={submitting}
          submitLabel="Buy now"
          busyLabel="Buying…"
          noteId="purchase-confirm-note"
          note={
            audience === "staff"
              ? "The order is placed at once and paid from the account balance. Clicking twice, reloading or ordering the same from another tab never buys twice."
              : "The order is placed at once. Clicking twice, reloading or ordering the same from another tab never buys twice."
          }
          notice={
            earlier?.earlier ? (
              <EarlierOrderNotice
                earlier={earlier.earlier}
                status={earlier.status}
                href={`${basePath}/purchases/${encodeURIComponent(earlier.key)}`}
                summary={earlier.summary}
                done="bought"
                busy={submitting}
                onAgain={() => void buy(earlier.earlier?.confirmation ?? undefined)}
              />
            ) : null
          }
          details={
            <>
              <div className="sm:col-span-2">
                <dt className="text-muted">What</dt>
                <dd className="font-medium">{what}</dd>
              </div>
              {quote?.lines.map((line, index) => (
                <div key={`${line.label}-${index}`} className="sm:col-span-2">
                  <dt className="sr-only">Item</dt>
                  <dd>{line.label}</dd>
                </div>
              ))}
            </>
          }
          onBack={() => goTo(REVIEW)}
          onConfirm={() => void buy()}
          approval={
            quote?.spending?.approvalRequired ? (
              <SendForApproval
                order={{ kind: "purchase", request: request }}
                retailCents={quote.retailCents}
              />
            ) : undefined
          }
        />
      ) : null}
    </div>
  );
}

function GrowthTargetSummary({ target, pakLabel }: { target: GrowthTarget; pakLabel: string }) {
  const quota = target.quotaMb ?? (target.capacityGb ? target.capacityGb * 1024 : null);
  return (
    <dl className="grid gap-3 text-sm sm:grid-cols-2">
      <div>
        <dt className="text-muted">Domain</dt>
        <dd className="font-medium">{target.domain}</dd>
      </div>
      <div>
        <dt className="text-muted">Pak</dt>
        <dd className="font-medium">{pakLabel.replace(/^pak /, "")}</dd>
      </div>
      <div>
        <dt className="text-muted">Mailboxes</dt>
        <dd>
          {target.purchased} ({target.used} in use)
        </dd>
      </div>
      <div>
        <dt className="text-muted">Storage per mailbox</dt>
        <dd>{quota ? formatQuota(quota) : "Unknown"}</dd>
      </div>
      <div>
        <dt className="text-muted">Paid until</dt>
        <dd>{formatCalendarDate({ iso: target.expires })}</dd>
      </div>
    </dl>
  );
}
