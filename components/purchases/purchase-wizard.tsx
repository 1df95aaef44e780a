"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { formatQuota } from "@/components/domains/format";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { purchaseAction, quotePurchaseAction } from "@/lib/actions/purchases";
import { formatCalendarDate, formatUsd } from "@/lib/format";
import type { Prices } from "@/lib/pricing/price-list";
import type { AttemptView, Quote } from "@/lib/purchases/types";
import { PURCHASE_QUANTITY_MAX } from "@/lib/validation/enom-rules";
import { domainNameSchema } from "@/lib/validation/paks";
import { purchaseRequestSchema, STORAGE_UNITS_MAX } from "@/lib/validation/purchases";
import { DomainStep } from "./domain-step";
import { EarlierOrderNotice } from "./earlier-order";
import { currentStorageUnits, GrowthStep } from "./growth-step";
import { useIdempotencyKey, rememberAttemptOrigin } from "./idempotency";
import { ProductStep } from "./product-step";
import { InsufficientBalance, QuoteSummary, type Audience } from "./quote-summary";
import { StepHeading } from "./step-heading";
import { Stepper } from "./stepper";
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

type Problem = { title: string; message: string } | null;
type Errors = Record<string, string[] | undefined>;

const DOMAIN = 0;
const PRODUCT = 1;
const REVIEW = 2;
const CONFIRM = 3;

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
  const [quote, setQuote] = useState<Quote | null>(null);
  const [quoting, setQuoting] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  /** The earlier order that stopped the last submit (the same order, or one not confirmed yet). */
  const [earlier, setEarlier] = useState<AttemptView | null>(null);
  // A ref, not state: a second click in the same frame sees it at once.
  const inFlight = useRef(false);
  const quoteRequest = useRef(0);
  const { keyFor, forget, init } = useIdempotencyKey("purchase");
  useEffect(() => init(), [init]);

  const steps = growth
    ? ["Pak", growth.mode === "mailboxes" ? "Mailboxes" : "Storage", "Review", "Confirm"]
    : ["Domain", "Product", "Review", "Confirm"];

  const request = purchaseRequestOf(choices, growth);
  const fingerprint = JSON.stringify(request);

  const goTo = (next: number) => {
    setMoved(true);
    setProblem(null);
    setStep(next);
  };

  const change = (changes: Partial<PurchaseChoices>) => {
    setChoices((current) => ({ ...current, ...changes }));
    setQuote(null);
    setErrors({});
    setEarlier(null);
  };

  const loadQuote = useCallback(async () => {
    const asked = ++quoteRequest.current;
    setQuoting(true);
    setProblem(null);
    const result = await quotePurchaseAction(request);
    if (asked !== quoteRequest.current) return;
    setQuoting(false);
    if (result.ok) setQuote(result.data);
    else {
      setQuote(null);
      setErrors(fieldErrorsByName(result.fieldErrors));
      setProblem({ title: "The price could not be worked out", message: result.message });
    }
    // The request is rebuilt from the choices each render; its fingerprint says when it changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fingerprint]);

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
    void loadQuote();
  };

  /**
   * Places the order. `confirmation` is the server's, from the notice of the same order placed
   * minutes ago: only with it is the same thing bought again.
   */
  const buy = async (confirmation?: string) => {
    if (inFlight.current || !quote?.sufficient) return;
    inFlight.current = true;
    setSubmitting(true);
    setProblem(null);
    const idempotencyKey = keyFor(fingerprint);
    const result = await purchaseAction({
      idempotencyKey,
      request,
      ...(confirmation ? { confirmation } : {}),
    });
    if (result.ok && result.data.earlier) {
      // No order was made: the earlier one is shown, with what can be done. The key stays unused.
      inFlight.current = false;
      setSubmitting(false);
      setEarlier(result.data);
      return;
    }
    setEarlier(null);
    if (result.ok && result.data.status !== "failed") {
      rememberAttemptOrigin(idempotencyKey, purchaseWizardHref(basePath, choices, growth));
      // Stays "submitting" while the result page loads: nothing to click twice.
      // A repeated submission says so on the result page: the first attempt's result, bought once.
      const replayed = result.data.replayed ? "?replayed=1" : "";
      router.push(`${basePath}/purchases/${encodeURIComponent(result.data.key)}${replayed}`);
      return;
    }
    // Nothing was bought: the next try, with these choices or others, gets a fresh key.
    forget(fingerprint);
    inFlight.current = false;
    setSubmitting(false);
    if (result.ok) {
      setProblem({
        title: "The purchase did not go through",
        message: withReassurance(result.data.message, "bought"),
      });
      return;
    }
    const fieldErrors = fieldErrorsByName(result.fieldErrors);
    setErrors(fieldErrors);
    setProblem({
      title: "The purchase did not go through",
      message: withReassurance(result.message, "bought"),
    });
    if (
      ["quantity", "units", "terms", "capacityGb", "billingPeriod", "quantityUnit"].some(
        (f) => fieldErrors[f],
      )
    )
      goTo(PRODUCT);
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
            errors={errors.domain}
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
              <GrowthStep target={growth} choices={choices} onChange={change} errors={errors} />
            </>
          ) : (
            <>
              <StepHeading focus={moved} description={`For ${choices.domain}.`}>
                Choose the mailboxes
              </StepHeading>
              <ProductStep choices={choices} onChange={change} errors={errors} prices={prices} />
            </>
          )}
        </WizardStepForm>
      ) : null}

      {step === REVIEW ? (
        <WizardStepForm
          label="Review"
          problem={problem}
          onBack={() => goTo(PRODUCT)}
          onContinue={() => goTo(CONFIRM)}
          continueDisabled={!quote || !quote.sufficient || quoting}
        >
          <StepHeading focus={moved} description={what}>
            Review the price
          </StepHeading>
          {quoting && !quote ? (
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
          {(!quote && !quoting) || (quote && !quote.sufficient) ? (
            <div>
              <Button variant="secondary" onClick={() => void loadQuote()} disabled={quoting}>
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
