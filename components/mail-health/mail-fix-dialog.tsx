"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, Td, Th } from "@/components/ui/table";
import { useAction } from "@/components/use-action";
import { applyMailFixAction } from "@/lib/actions/mail-health";
import type { RecordToCopy } from "@/lib/mail-health/fix-plan";
import type { MailFixPreview, RecordLine } from "@/lib/mail-health/view";
import { queryKeys } from "@/lib/query-keys";
import { useMailFixPreview } from "./use-mail-health";

/**
 * The fix, shown before anything is written: where the domain's DNS is hosted here, each record
 * to add, change or remove, and every other record kept as it is (the write replaces them all);
 * elsewhere, the records to enter at the DNS host, each with a copy button. Applying is refused
 * if the records changed since this was shown.
 */
export function MailFixDialog({
  domain,
  open,
  onClose,
  canFix,
  onFixed,
}: {
  domain: string;
  open: boolean;
  onClose: () => void;
  canFix: boolean;
  onFixed: (message: string) => void;
}) {
  const preview = useMailFixPreview(domain, open);
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<string | null>(null);
  const apply = useAction(applyMailFixAction, {
    onSuccess: (_data, result) => onFixed(result.message ?? "The records were written."),
  });
  const close = () => {
    setOutcome(null);
    apply.reset();
    onClose();
  };
  const plan = preview.data;

  return (
    <Dialog
      open={open}
      onClose={close}
      title={`Fix mail delivery for ${domain}`}
      description="Nothing is changed until you apply it."
      className="w-[min(48rem,calc(100vw-2rem))]"
    >
      {preview.isPending || preview.isFetching ? (
        <div role="status" aria-label="Reading the domain's DNS records" className="flex flex-col gap-2">
          <Skeleton className="h-6" />
          <Skeleton className="h-6" />
          <Skeleton className="h-6 max-w-sm" />
        </div>
      ) : preview.isError ? (
        <Alert tone="danger" title="The fix could not be prepared">
          {preview.error.message}
        </Alert>
      ) : plan ? (
        <PlanBody plan={plan} domain={domain} canFix={canFix} />
      ) : null}
      {apply.error ? (
        <p role="alert" className="mt-4 text-sm text-danger">
          {apply.error}
        </p>
      ) : null}
      {outcome ? (
        <p role="status" className="mt-4 text-sm">
          {outcome}
        </p>
      ) : null}
      <div className="mt-5 flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={close}>
          {plan?.kind === "set-hosts" && !plan.empty && canFix ? "Cancel" : "Close"}
        </Button>
        {plan?.kind === "set-hosts" && !plan.empty && canFix ? (
          <Button
            disabled={apply.pending || preview.isFetching}
            onClick={async () => {
              const result = await apply.run({ domain, fingerprint: plan.fingerprint });
              // The records changed meanwhile (or eNom said no): show the fix as it is now.
              if (result && !result.ok) {
                setOutcome(null);
                void queryClient.invalidateQueries({ queryKey: queryKeys.domainMailFix(domain) });
              }
            }}
          >
            {apply.pending ? "Applying…" : "Apply these changes"}
          </Button>
        ) : null}
      </div>
    </Dialog>
  );
}

function PlanBody({ plan, domain, canFix }: { plan: MailFixPreview; domain: string; canFix: boolean }) {
  if (plan.kind === "refused")
    return (
      <div className="flex flex-col gap-3">
        <Alert tone="warning" title="This cannot be fixed in one click">
          {plan.message}
        </Alert>
        <Notes notes={plan.notes} />
      </div>
    );
  if (plan.empty)
    return (
      <div className="flex flex-col gap-3">
        <p className="text-sm">The records are already as they should be; nothing needs changing.</p>
        <Notes notes={plan.notes} />
      </div>
    );
  if (plan.kind === "copy-records")
    return (
      <div className="flex flex-col gap-3">
        <p className="text-sm">
          The DNS of {domain} is managed elsewhere (where the domain&apos;s name servers point). Enter these
          records there; most DNS hosts take a few minutes to publish them, then check again here.
        </p>
        <CopyTable records={plan.records} />
        <Notes notes={plan.notes} />
      </div>
    );
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        {canFix
          ? "These DNS records will be written for the domain. Every other record stays exactly as it is."
          : "These DNS records would fix it. Ask your provider's support to apply them; every other record stays as it is."}
      </p>
      <Table caption={`DNS changes for ${domain}`}>
        <thead>
          <tr>
            <Th>Change</Th>
            <Th>Name</Th>
            <Th>Type</Th>
            <Th>Value</Th>
            <Th>Why</Th>
          </tr>
        </thead>
        <tbody>
          {plan.add.map(({ record, reason }, index) => (
            <tr key={`add-${index}`}>
              <Td className="font-medium text-success">Add</Td>
              <RecordCells record={record} />
              <Td className="text-muted">{reason}</Td>
            </tr>
          ))}
          {plan.change.map(({ before, after, reason }, index) => (
            <tr key={`change-${index}`}>
              <Td className="font-medium text-warning">Change</Td>
              <Td className="font-mono text-xs break-all">{after.name}</Td>
              <Td>{after.type}</Td>
              <Td className="font-mono text-xs break-all">
                <span className="block text-muted line-through">
                  <span className="sr-only">from </span>
                  {valueOf(before)}
                </span>
                <span className="block">
                  <span className="sr-only">to </span>
                  {valueOf(after)}
                </span>
              </Td>
              <Td className="text-muted">{reason}</Td>
            </tr>
          ))}
          {plan.remove.map(({ record, reason }, index) => (
            <tr key={`remove-${index}`}>
              <Td className="font-medium text-danger">Remove</Td>
              <RecordCells record={record} />
              <Td className="text-muted">{reason}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {plan.kept.length > 0 ? (
        <details className="text-sm">
          <summary className="cursor-pointer">
            {plan.kept.length === 1
              ? "1 other record stays as it is"
              : `${plan.kept.length} other records stay as they are`}
          </summary>
          <ul className="mt-2 flex flex-col gap-1 font-mono text-xs" aria-label="Records kept as they are">
            {plan.kept.map((record, index) => (
              <li key={index} className="break-all">
                {record.name} {record.type} {valueOf(record)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <Notes notes={plan.notes} />
    </div>
  );
}

function valueOf(record: RecordLine): string {
  return record.mxPref === undefined ? record.value : `${record.mxPref} ${record.value}`;
}

function RecordCells({ record }: { record: RecordLine }) {
  return (
    <>
      <Td className="font-mono text-xs break-all">{record.name}</Td>
      <Td>{record.type}</Td>
      <Td className="font-mono text-xs break-all">{valueOf(record)}</Td>
    </>
  );
}

function CopyTable({ records }: { records: RecordToCopy[] }) {
  return (
    <Table caption="DNS records to enter at the domain's DNS host">
      <thead>
        <tr>
          <Th>Change</Th>
          <Th>Name</Th>
          <Th>Type</Th>
          <Th>Value</Th>
        </tr>
      </thead>
      <tbody>
        {records.map((record, index) => (
          <tr key={index}>
            <Td className="font-medium">
              {{ add: "Add", change: "Change", remove: "Remove" }[record.action]}
            </Td>
            <Td className="font-mono text-xs break-all">
              {record.name}
              <span className="block text-muted">{record.fqdn}</span>
            </Td>
            <Td>{record.type}</Td>
            <Td className="font-mono text-xs">
              <span className="break-all">
                {record.mxPref === undefined ? record.value : `${record.mxPref} ${record.value}`}
              </span>
              {record.replaces ? (
                <span className="block text-muted">
                  instead of <span className="break-all">{record.replaces}</span>
                </span>
              ) : null}
              <span className="mt-1 block">
                <CopyButton value={record.value} label={`Copy the ${record.type} value for ${record.fqdn}`} />
              </span>
              <span className="mt-1 block font-sans text-muted">{record.reason}</span>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function Notes({ notes }: { notes: string[] }) {
  if (notes.length === 0) return null;
  return (
    <ul className="list-disc pl-5 text-sm text-muted">
      {notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  );
}
