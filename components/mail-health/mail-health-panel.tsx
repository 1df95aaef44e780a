"use client";

import { useQueryClient } from "@tanstack/react-query";
import { CheckCircle2, CircleHelp, RotateCw, TriangleAlert, Wrench, XCircle } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useAction } from "@/components/use-action";
import { useNow } from "@/components/use-now";
import { describeAge } from "@/components/domains/read-freshness";
import { checkMailHealthAction } from "@/lib/actions/mail-health";
import type { HealthStatus } from "@/lib/mail-health/model";
import { STATUS_LABELS, type MailHealthView } from "@/lib/mail-health/view";
import { queryKeys } from "@/lib/query-keys";
import { cn } from "@/lib/utils";
import { MailFixDialog } from "./mail-fix-dialog";
import { useMailHealth } from "./use-mail-health";

const TONE = { green: "success", amber: "warning", red: "danger", unknown: "neutral" } as const;

export function StatusIcon({ status, className }: { status: HealthStatus; className?: string }) {
  const Icon = { green: CheckCircle2, amber: TriangleAlert, red: XCircle, unknown: CircleHelp }[status];
  const colour = { green: "text-success", amber: "text-warning", red: "text-danger", unknown: "text-muted" }[
    status
  ];
  return <Icon aria-hidden="true" className={cn("size-5 shrink-0", colour, className)} />;
}

/**
 * Whether the domain's mail arrives and is trusted: MX, SPF, DKIM, DMARC and the email service,
 * each with its status in words (never colour alone) and one sentence on what it means. A domain
 * never checked is checked when the panel first shows it; "Check again" asks DNS afresh. Where
 * something is wrong, "Fix" shows exactly which records would change before anything is written.
 */
export function MailHealthPanel({ domain, initialData }: { domain: string; initialData?: MailHealthView }) {
  const health = useMailHealth(domain, initialData);
  const queryClient = useQueryClient();
  const [fixing, setFixing] = useState(false);
  const [fixedMessage, setFixedMessage] = useState<string | null>(null);
  const check = useAction(checkMailHealthAction, {
    onSuccess: (view) => {
      setFixedMessage(null);
      queryClient.setQueryData(queryKeys.domainMailHealth(domain), view);
    },
  });
  const view = health.data;
  const autoChecked = useRef(false);
  const { run } = check;
  // Never checked: check once now, so the first visit shows an answer rather than a blank.
  useEffect(() => {
    if (view && view.status === null && view.canCheck && !autoChecked.current) {
      autoChecked.current = true;
      void run({ domain });
    }
  }, [view, domain, run]);

  const now = useNow();
  return (
    <Card aria-labelledby="mail-health-title" aria-busy={check.pending}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="mail-health-title" className="text-base font-semibold">
            Mail delivery
          </h2>
          <p className="mt-1 text-sm text-muted">
            Whether mail to {domain} arrives, and whether mail from it is trusted by Gmail, Yahoo and Outlook.
          </p>
        </div>
        {view?.status ? (
          <Badge tone={TONE[view.status]} className="gap-1">
            <StatusIcon status={view.status} className="size-3.5" />
            {view.status === "green" ? "All good" : STATUS_LABELS[view.status]}
          </Badge>
        ) : null}
      </div>
      <div className="mt-4" aria-live="polite">
        {health.isPending || (view?.status === null && check.pending) ? (
          <div role="status" aria-label="Checking mail delivery" className="flex flex-col gap-2">
            <Skeleton className="h-6 max-w-lg" />
            <Skeleton className="h-6 max-w-md" />
            <Skeleton className="h-6 max-w-lg" />
          </div>
        ) : health.isError && !view ? (
          <Alert tone="danger" title="Mail delivery could not be shown">
            {health.error.message}
          </Alert>
        ) : view && view.status === null ? (
          <p className="text-sm text-muted">Not checked yet.</p>
        ) : view ? (
          <ul
            className="flex flex-col divide-y divide-line"
            aria-label={`Mail delivery checks for ${domain}`}
          >
            {view.checks.map((item) => (
              <li key={item.id} className="flex gap-3 py-3 first:pt-0 last:pb-0">
                <StatusIcon status={item.status} />
                <div className="min-w-0">
                  <p className="text-sm font-medium">
                    {item.label}: <span className="font-normal text-muted">{STATUS_LABELS[item.status]}</span>
                  </p>
                  <p className="mt-0.5 text-sm">{item.sentence}</p>
                </div>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {check.error ? (
        <p role="alert" className="mt-3 text-sm text-danger">
          {check.error}
        </p>
      ) : null}
      {view ? (
        <div className="mt-4 flex flex-wrap items-center gap-3">
          {view.status && view.status !== "green" ? (
            <Button size="sm" onClick={() => setFixing(true)}>
              <Wrench aria-hidden="true" className="size-4" />
              {view.dnsAtProvider && view.canFix ? "Fix the records" : "Show how to fix"}
            </Button>
          ) : null}
          {view.canCheck ? (
            <Button
              variant="secondary"
              size="sm"
              disabled={check.pending}
              onClick={() => void run({ domain })}
            >
              <RotateCw aria-hidden="true" className={cn("size-4", check.pending && "animate-spin")} />
              {check.pending ? "Checking…" : "Check again"}
            </Button>
          ) : null}
          {view.checkedAt ? (
            <span className="text-xs text-muted">
              Checked {now === null ? "recently" : describeAge(view.checkedAt, now)}
            </span>
          ) : null}
        </div>
      ) : null}
      {view ? (
        <MailFixDialog
          domain={domain}
          open={fixing}
          onClose={() => setFixing(false)}
          canFix={view.canFix}
          onFixed={(message) => {
            setFixing(false);
            setFixedMessage(message);
            void queryClient.invalidateQueries({ queryKey: queryKeys.domainMailHealth(domain), exact: true });
          }}
        />
      ) : null}
      {fixedMessage ? (
        <p role="status" className="mt-3 text-sm text-success">
          {fixedMessage}
        </p>
      ) : null}
    </Card>
  );
}
