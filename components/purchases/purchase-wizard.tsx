"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { formatQuota } from "@/components/domains/format";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { useAction, wasUnreachable } from "@/components/use-action";
import { purchaseAction } from "@/lib/actions/purchases";
import { formatCalendarDate, formatUsd } from "@/lib/format";
import type { Prices } from "@/lib/pricing/price-list";
import type { AttemptView } from "@/lib/purchases/types";
import { PURCHASE_QUANTITY_MAX } from "@/lib/validation/enom-rules";
import { domainNameSchema } from "@/lib/validation/paks";
import { purchaseRequestSchema, STORAGE_UNITS_MAX } from "@/lib/validation/purchases";
import { DomainStep } from "./domain-step";
import { EarlierOrderNotice } from "./earlier-order";
import { currentStorageUnits, GrowthStep } from "./growth-step";
import { useIdempotencyKey, rememberAttemptOrigin } from "./idempotency";
import { ProductStep } from "./product-step";
import { readFieldErrors, usePurchaseQuote } from "./purchase-reads";
import { InsufficientBalance, QuoteSummary, type Audience } from "./quote-summary";
import { StepHeading } from "./step-heading";
import { Stepper } from "./stepper";
import {
  fieldErrorsByName,
  quoteProblem,
  unansweredProblem,
  withReassurance,
  WizardStepForm,
} from "./wizard-frame";
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

type Problem = { title: string; message: string } | null;
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
  const router = useRouter();
  const [choices, setChoices] = useState(initialChoices);
  const [step, setStep] = useState(growth || initialChoices.domain ? PRODUCT : DOMAIN);
  const [moved, setMoved] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<Problem>(null);
  /** The earlier order that stopped the last submit (the same order, or one not confirmed yet). */
  const [earlier, setEarlier] = useState<AttemptView | null>(null);
  // Once the order is placed the result page loads: nothing to click twice meanwhile. A ref too,
  // so a click in the same frame sees it at once.
  const [leaving, setLeaving] = useState(false);
  const left = useRef(false);
  const submit = useAction(purchaseAction);
  const submitting = submit.pending || leaving;
  const { keyFor, forget, init } = useIdempotencyKey("purchase");
  useEffect(() => init(), [init]);

  const steps = growth
    ? ["Pak", growth.mode === "mailboxes" ? "Mailboxes" : "Storage", "Review", "Confirm"]
    : ["Domain", "Product", "Review", "Confirm"];

  const request = purchaseRequestOf(choices, growth);
  const fingerprint = JSON.stringify(request);
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
    setEarlier(null);
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
    if (left.current || !quote?.sufficient) return;
    setProblem(null);
    const idempotencyKey = keyFor(fingerprint);
    const result = await submit.run({ idempotencyKey, request, ...(confirmation ? { confirmation } : {}) });
    // Null: a click while the order was on its way, which sends nothing.
    if (!result) return;
    if (result.ok && result.data.earlier) {
      // No order was made: the earlier one is shown, with what can be done. The key stays unused.
      setEarlier(result.data);
      return;
    }
    setEarlier(null);
    if (result.ok && result.data.status !== "failed") {
      left.current = true;
      setLeaving(true);
      rememberAttemptOrigin(idempotencyKey, purchaseWizardHref(basePath, choices, growth));
      // A repeated submission says so on the result page: the first attempt's result, bought once.
      const replayed = result.data.replayed ? "?replayed=1" : "";
      router.push(`${basePath}/purchases/${encodeURIComponent(result.data.key)}${replayed}`);
      return;
    }
    // No answer: the order may have been placed, so the next try keeps the key and cannot buy twice.
    if (wasUnreachable(result)) {
      setProblem(unansweredProblem("bought"));
      return;
    }
    // Nothing was bought: the next try, with these choices or others, gets a fresh key.
    forget(fingerprint);
    const fieldErrors = result.ok ? {} : fieldErrorsByName(result.fieldErrors);
    if (PRODUCT_FIELDS.some((field) => fieldErrors[field])) goTo(PRODUCT);
    setErrors(fieldErrors);
    setProblem({
      title: "The purchase did not go through",
      message: withReassurance(result.ok ? result.data.message : result.message, "bought"),
    });
  };

  const what = growth
    ? growth.mode === "mailboxes"
      ? `${choices.growthAmount} more ${choices.growthAmount === "1" ? "mailbox" : "mailboxes"} for pak ${growth.bundleId} of ${growth.domain}`
      : `${choices.growthAmount} × 512 MB more storage per mailbox for pak ${growth.bundleId} of ${growth.domain}`
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
          <GrowthTargetSummary target={growth} />
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
                description={`Pak ${growth.bundleId} of ${growth.domain}, paid until ${formatCalendarDate({ iso: growth.expires })}.`}
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
        <WizardStepForm
          label="Review"
          problem={problem ?? (quoting.isFetching ? null : quoteProblem(quoting.error))}
          onBack={() => goTo(PRODUCT)}
          onContinue={() => goTo(CONFIRM)}
          continueDisabled={!quote || !quote.sufficient || quoting.isFetching}
        >
          <StepHeading focus={moved} description={what}>
            Review the price
          </StepHeading>
          {quoting.isFetching && !quote ? (
            <div role="status" aria-label="Working out the price" className="flex flex-col gap-3">
              <Skeleton className="h-24" />
              <Skeleton className="h-16" />
            </div>
          ) : null}
          {quote ? (
            <>
              <QuoteSummary quote={quote} audience={audience} />
              <InsufficientBalance quote={quote} audience={audience} />
            </>
          ) : null}
          {(!quote && !quoting.isFetching) || (quote && !quote.sufficient) ? (
            <div>
              <Button
                variant="secondary"
                onClick={() => void quoting.refetch()}
                disabled={quoting.isFetching}
              >
                {quote ? "Check the balance again" : "Try again"}
              </Button>
            </div>
          ) : null}
        </WizardStepForm>
      ) : null}

      {step === CONFIRM ? (
        <WizardStepForm
          label="Confirm"
          problem={problem}
          onBack={submitting ? undefined : () => goTo(REVIEW)}
          onContinue={() => void buy()}
          footer={
            <Button
              type="submit"
              disabled={submitting || !quote?.sufficient}
              aria-describedby="purchase-confirm-note"
            >
              {submitting ? "Buying…" : "Buy now"}
            </Button>
          }
        >
          <StepHeading focus={moved}>Confirm the purchase</StepHeading>
          {earlier?.earlier ? (
            <EarlierOrderNotice
              earlier={earlier.earlier}
              status={earlier.status}
              href={`${basePath}/purchases/${encodeURIComponent(earlier.key)}`}
              summary={earlier.summary}
              done="bought"
              busy={submitting}
              onAgain={() => void buy(earlier.earlier?.confirmation ?? undefined)}
            />
          ) : null}
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
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
            <div>
              <dt className="text-muted">{audience === "staff" ? "Price to the customer" : "Price"}</dt>
              <dd className="text-lg font-semibold tabular-nums">
                {quote ? formatUsd({ cents: quote.retailCents }) : "—"}
              </dd>
            </div>
            {audience === "staff" && quote?.costCents != null ? (
              <div>
                <dt className="text-muted">Debited from the account balance</dt>
                <dd className="text-lg font-semibold tabular-nums">
                  {formatUsd({ cents: quote.costCents })}
                </dd>
              </div>
            ) : null}
          </dl>
          <p id="purchase-confirm-note" className="text-sm text-muted">
            {audience === "staff"
              ? "The order is placed at once and paid from the account balance. Clicking twice, reloading or ordering the same from another tab never buys twice."
              : "The order is placed at once. Clicking twice, reloading or ordering the same from another tab never buys twice."}
          </p>
        </WizardStepForm>
      ) : null}
    </div>
  );
}

function GrowthTargetSummary({ target }: { target: GrowthTarget }) {
  const quota = target.quotaMb ?? (target.capacityGb ? target.capacityGb * 1024 : null);
  return (
    <dl className="grid gap-3 text-sm sm:grid-cols-2">
      <div>
        <dt className="text-muted">Domain</dt>
        <dd className="font-medium">{target.domain}</dd>
      </div>
      <div>
        <dt className="text-muted">Pak</dt>
        <dd className="font-medium">{target.bundleId}</dd>
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
