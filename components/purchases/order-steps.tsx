"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { MonthSpendingLine } from "@/components/approvals/month-spending";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { formatUsd } from "@/lib/format";
import type { Quote } from "@/lib/purchases/types";
import { InsufficientBalance, QuoteSummary, type Audience } from "./quote-summary";
import { StepHeading } from "./step-heading";
import { quoteProblem, WizardStepForm, type WizardProblem } from "./wizard-frame";

/** The two last steps every order wizard ends with: the exact price, then the confirmation. */

type QuoteRead = Pick<UseQueryResult<Quote, Error>, "data" | "error" | "isFetching" | "refetch">;

/**
 * The review step: the exact price of the choices on screen (asked again on each visit), and when
 * the balance cannot cover it, why, with a way to check the balance again.
 */
export function QuoteReviewStep({
  heading,
  description,
  focus,
  quoting,
  audience,
  problem,
  onBack,
  onContinue,
}: {
  heading: string;
  description: ReactNode;
  focus: boolean;
  quoting: QuoteRead;
  audience: Audience;
  problem: WizardProblem;
  onBack: () => void;
  onContinue: () => void;
}) {
  const quote = quoting.data ?? null;
  return (
    <WizardStepForm
      label="Review"
      problem={problem ?? (quoting.isFetching ? null : quoteProblem(quoting.error))}
      onBack={onBack}
      onContinue={onContinue}
      continueDisabled={!quote || !quote.sufficient || quoting.isFetching}
    >
      <StepHeading focus={focus} description={description}>
        {heading}
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
          <MonthSpendingLine spending={quote.spending} orderCents={quote.retailCents} />
        </>
      ) : null}
      {(!quote && !quoting.isFetching) || (quote && !quote.sufficient) ? (
        <div>
          <Button variant="secondary" onClick={() => void quoting.refetch()} disabled={quoting.isFetching}>
            {quote ? "Check the balance again" : "Try again"}
          </Button>
        </div>
      ) : null}
    </WizardStepForm>
  );
}

/**
 * The confirm step: what is ordered (`children` above the price, `details` as the price list's first
 * rows), the price (staff also see the debit from the account balance), the never-twice note, and
 * the one button that places the order. `notice` is the earlier order that stopped the last submit.
 * `approval` (a customer whose provider approves each order) takes the place of the note and the
 * button: the order is sent for approval, never placed from here.
 */
export function OrderConfirmStep({
  heading,
  focus,
  problem,
  quote,
  audience,
  submitting,
  submitLabel,
  busyLabel,
  note,
  noteId,
  notice,
  details,
  children,
  approval,
  onBack,
  onConfirm,
}: {
  heading: string;
  focus: boolean;
  problem: WizardProblem;
  quote: Quote | null;
  audience: Audience;
  submitting: boolean;
  submitLabel: string;
  busyLabel: string;
  note: string;
  /** The note's id, when the button is described by it. */
  noteId?: string;
  notice?: ReactNode;
  details?: ReactNode;
  children?: ReactNode;
  approval?: ReactNode;
  onBack: () => void;
  onConfirm: () => void;
}) {
  return (
    <WizardStepForm
      label="Confirm"
      problem={problem}
      onBack={submitting ? undefined : onBack}
      // With approval, Enter in the form must not place the order: only "Send for approval" acts.
      onContinue={approval ? undefined : onConfirm}
      footer={
        approval ? (
          <></>
        ) : (
          <Button type="submit" disabled={submitting || !quote?.sufficient} aria-describedby={noteId}>
            {submitting ? busyLabel : submitLabel}
          </Button>
        )
      }
    >
      <StepHeading focus={focus}>{heading}</StepHeading>
      {notice}
      {children}
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        {details}
        <div>
          <dt className="text-muted">{audience === "staff" ? "Price to the customer" : "Price"}</dt>
          <dd className="text-lg font-semibold tabular-nums">
            {quote ? formatUsd({ cents: quote.retailCents }) : "—"}
          </dd>
        </div>
        {audience === "staff" && quote?.costCents != null ? (
          <div>
            <dt className="text-muted">Debited from the account balance</dt>
            <dd className="text-lg font-semibold tabular-nums">{formatUsd({ cents: quote.costCents })}</dd>
          </div>
        ) : null}
      </dl>
      {approval ?? (
        <p id={noteId} className="text-sm text-muted">
          {note}
        </p>
      )}
    </WizardStepForm>
  );
}
