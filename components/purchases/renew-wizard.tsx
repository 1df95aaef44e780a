"use client";

import { X } from "lucide-react";
import { useState } from "react";
import { formatQuota } from "@/components/domains/format";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { renewAction } from "@/lib/actions/purchases";
import { formatCalendarDate } from "@/lib/format";
import { RENEW_YEARS_MAX } from "@/lib/validation/enom-rules";
import { renewRequestSchema } from "@/lib/validation/purchases";
import { EarlierOrderNotice } from "./earlier-order";
import { SendForApproval } from "@/components/approvals/send-for-approval";
import { orderPakLabel, type PakViewer } from "@/lib/paks/pak-name";
import { OrderConfirmStep, QuoteReviewStep } from "./order-steps";
import { readFieldErrors, useRenewalQuote } from "./purchase-reads";
import type { Audience } from "./quote-summary";
import { StepHeading } from "./step-heading";
import { Stepper } from "./stepper";
import { useOrderSubmit } from "./use-order-submit";
import { renewRequestOf, renewWizardHref, type RenewItem } from "./wizard-choices";
import { fieldErrorsByName, withReassurance, WizardStepForm } from "./wizard-frame";

export interface RenewWizardProps {
  audience: Audience;
  basePath: "" | "/portal";
  initialItems: RenewItem[];
  initialYears: number;
  /** Paks asked for that could not be offered (not found, or not readable), in plain words. */
  notices: string[];
}

const PAKS = 0;
const TERM = 1;
const REVIEW = 2;
const CONFIRM = 3;
const STEPS = ["Paks", "Term", "Review", "Confirm"] as const;

const years = (count: number) => `${count} ${count === 1 ? "year" : "years"}`;

/** Adds whole years to an ISO calendar date (Feb 29 becomes Feb 28 in a common year). */
function addYears(iso: string, count: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + count, m - 1, d));
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

/**
 * Renewing one pak or several: the paks, the term in years, the review with every pak's new expiry,
 * and the confirmation. Renewals are paid from the account balance; no card is ever asked for.
 */
export function RenewWizard({ audience, basePath, initialItems, initialYears, notices }: RenewWizardProps) {
  // Customers never read eNom's BundleID: their paks are named by what they are.
  const viewer: PakViewer = audience === "staff" ? "staff" : "portal";
  const [items, setItems] = useState(initialItems);
  const [term, setTerm] = useState(initialYears);
  const [step, setStep] = useState(PAKS);
  const [moved, setMoved] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});

  const request = renewRequestOf(items, term);
  const order = useOrderSubmit({
    scope: "renew",
    action: renewAction,
    basePath,
    done: "renewed",
    request,
    placed: (batch) =>
      batch.attempts.some((attempt) => attempt.status !== "failed")
        ? { key: batch.batchKey, replayed: batch.attempts.some((attempt) => attempt.replayed) }
        : null,
  });
  const { problem, setProblem, earlier, submitting } = order;
  // The exact price, asked on the review step for the paks and term on screen.
  const quoting = useRenewalQuote(request, step >= REVIEW);
  const quote = quoting.data ?? null;
  const quoteErrors = fieldErrorsByName(readFieldErrors(quoting.error));

  const goTo = (next: number) => {
    setMoved(true);
    setProblem(null);
    setStep(next);
  };

  const remove = (item: RenewItem) => {
    setItems((current) => current.filter((other) => other !== item));
    order.clearEarlier();
  };

  const checkPaks = () => {
    if (items.length === 0) {
      setErrors({ items: ["Choose at least one pak to renew."] });
      return;
    }
    setErrors({});
    goTo(TERM);
  };

  const checkTerm = () => {
    const parsed = renewRequestSchema.safeParse(request);
    if (!parsed.success) {
      const found: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const name = String(issue.path[0] ?? "form");
        found[name] = [...(found[name] ?? []), issue.message];
      }
      setErrors(found);
      return;
    }
    setErrors({});
    goTo(REVIEW);
  };

  /** Renews; `confirmation` is the server's, to renew again on purpose what was renewed minutes ago. */
  const renew = async (confirmation?: string) => {
    if (!quote?.sufficient) return;
    const result = await order.place({ origin: renewWizardHref(basePath, items, term), confirmation });
    if (!result) return;
    // Nothing was renewed (the next try gets a fresh key): each pak's reason, or the form's.
    if (result.ok) {
      const attempts = result.data.attempts;
      setProblem({
        title: attempts.length === 1 ? "The renewal did not go through" : "No pak was renewed",
        message: withReassurance(
          attempts
            .map((attempt) =>
              attempts.length === 1
                ? attempt.message
                : `${audience === "staff" ? `Pak ${attempt.bundleId}` : attempt.domain}: ${attempt.message}`,
            )
            .join(" "),
          "renewed",
        ),
      });
      return;
    }
    setErrors(fieldErrorsByName(result.fieldErrors));
    setProblem({
      title: "The renewal did not go through",
      message: withReassurance(result.message, "renewed"),
    });
  };

  const estimateNote = items.length === 1 ? "the pak" : `${items.length} paks`;

  return (
    <div className="rounded-lg border border-line bg-surface p-5 shadow-sm">
      <Stepper steps={STEPS} current={step} onSelect={goTo} locked={submitting} />

      {step === PAKS ? (
        <WizardStepForm label="Paks" problem={problem} onContinue={checkPaks}>
          <StepHeading focus={moved} description="Remove any pak you do not want to renew now.">
            {items.length === 1 ? "The pak to renew" : "The paks to renew"}
          </StepHeading>
          {notices.length > 0 ? (
            <Alert tone="warning" title="Some paks cannot be renewed here">
              {notices.join(" ")}
            </Alert>
          ) : null}
          <RenewItemsTable items={items} viewer={viewer} onRemove={remove} />
          <div aria-live="polite">
            {(errors.items ?? quoteErrors.items)?.map((error) => (
              <p key={error} className="text-sm font-medium text-danger">
                {error}
              </p>
            ))}
          </div>
        </WizardStepForm>
      ) : null}

      {step === TERM ? (
        <WizardStepForm
          label="Term"
          problem={problem}
          onBack={() => goTo(PAKS)}
          onContinue={checkTerm}
          continueLabel="Review"
        >
          <StepHeading focus={moved} description={`Renewing ${estimateNote}.`}>
            Choose the term
          </StepHeading>
          <SelectField
            label="Renew for"
            name="years"
            value={String(term)}
            onChange={(event) => {
              setTerm(Number(event.target.value));
              order.clearEarlier();
            }}
            errors={errors.years ?? quoteErrors.years}
            className="max-w-xs"
            hint={`1 to ${RENEW_YEARS_MAX} years, added to each pak's current expiry.`}
          >
            {Array.from({ length: RENEW_YEARS_MAX }, (_, index) => index + 1).map((count) => (
              <option key={count} value={count}>
                {years(count)}
              </option>
            ))}
          </SelectField>
          <ul className="flex flex-col gap-1 text-sm" aria-live="polite">
            {items.map((item) => (
              <li key={`${item.domain}:${item.bundleId}`}>
                {item.domain}, {orderPakLabel(item, viewer)}: {formatCalendarDate({ iso: item.expires })} →
                about {formatCalendarDate({ iso: addYears(item.expires, term) })}
              </li>
            ))}
          </ul>
        </WizardStepForm>
      ) : null}

      {step === REVIEW ? (
        <QuoteReviewStep
          heading="Review the renewal"
          description={`${years(term)} for ${estimateNote}.`}
          focus={moved}
          quoting={quoting}
          audience={audience}
          problem={problem}
          onBack={() => goTo(TERM)}
          onContinue={() => goTo(CONFIRM)}
        />
      ) : null}

      {step === CONFIRM ? (
        <OrderConfirmStep
          heading="Confirm the renewal"
          focus={moved}
          problem={problem}
          quote={quote}
          audience={audience}
          submitting={submitting}
          submitLabel="Renew now"
          busyLabel="Renewing…"
          note={
            audience === "staff"
              ? "Each pak is renewed at once and paid from the account balance. Clicking twice or reloading never renews twice."
              : "Each pak is renewed at once. Clicking twice or reloading never renews twice."
          }
          notice={
            earlier?.earlier ? (
              <EarlierOrderNotice
                earlier={earlier.earlier}
                status={earlier.attempts[0]?.status ?? "unknown"}
                href={`${basePath}/purchases/${encodeURIComponent(earlier.batchKey)}`}
                summary={earlier.attempts.map((attempt) => attempt.summary).join("; ")}
                done="renewed"
                busy={submitting}
                onAgain={() => void renew(earlier.earlier?.confirmation ?? undefined)}
              />
            ) : null
          }
          onBack={() => goTo(REVIEW)}
          onConfirm={() => void renew()}
          approval={
            quote?.spending?.approvalRequired ? (
              <SendForApproval order={{ kind: "renew", request: request }} retailCents={quote.retailCents} />
            ) : undefined
          }
        >
          <ul className="flex flex-col gap-1 text-sm">
            {(quote?.expiries ?? []).map((expiry) => (
              <li key={`${expiry.domain}:${expiry.bundleId}`}>
                {expiry.domain}
                {audience === "staff" ? `, pak ${expiry.bundleId}` : ""}: until{" "}
                <strong>{formatCalendarDate({ iso: expiry.to })}</strong>
              </li>
            ))}
          </ul>
        </OrderConfirmStep>
      ) : null}
    </div>
  );
}

function RenewItemsTable({
  items,
  viewer,
  onRemove,
}: {
  items: RenewItem[];
  viewer: PakViewer;
  onRemove: (item: RenewItem) => void;
}) {
  if (items.length === 0) return <p className="text-sm text-muted">No pak is left in this renewal.</p>;
  return (
    <div className="relative overflow-x-auto rounded-md border border-line">
      <table className="w-full text-sm">
        <caption className="sr-only">Paks to renew</caption>
        <thead className="bg-raised text-left text-xs text-muted">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Domain
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Pak
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Mailboxes
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Expires
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const quota = item.quotaMb ?? (item.capacityGb ? item.capacityGb * 1024 : null);
            return (
              <tr key={`${item.domain}:${item.bundleId}`} className="border-t border-line">
                <td className="px-3 py-2 font-medium">{item.domain}</td>
                <td className="px-3 py-2">{orderPakLabel(item, viewer).replace(/^pak /, "")}</td>
                <td className="px-3 py-2">
                  {item.purchased}
                  {quota ? ` × ${formatQuota(quota)}` : ""}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">{formatCalendarDate({ iso: item.expires })}</td>
                <td className="px-3 py-2 text-right">
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={() => onRemove(item)}
                    aria-label={`Remove ${orderPakLabel(item, viewer)} of ${item.domain}`}
                  >
                    <X aria-hidden="true" className="size-4" />
                    Remove
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
