"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Pencil, Trash2 } from "lucide-react";
import Link from "next/link";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useAction } from "@/components/use-action";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { checkInBrowser } from "@/components/users/form-state";
import { setPakNicknameAction } from "@/lib/actions/paks";
import { daysUntil, describeExpiry, expiryState } from "@/lib/domains/expiry";
import type { DomainCapabilities, DomainEmailView, PakView } from "@/lib/domains/types";
import { formatCalendarDate } from "@/lib/format";
import { PAK_NICKNAME_MAX, setPakNicknameSchema } from "@/lib/paks/nickname";
import { describePak, pakReference, pakViewerOf } from "@/lib/paks/pak-name";
import { queryKeys } from "@/lib/query-keys";
import { PROD_TYPE_MAILBOX } from "@/lib/validation/enom-rules";
import { PakAutoRenewSwitch } from "./auto-renew-switch";
import { ExpiryBadge } from "./expiry-badge";
import { formatQuota, plural } from "./format";
import { UsageBar } from "./usage-bar";

/**
 * Mailboxes can be added only to a Mailbox pak (ProdType 2011): the growth quote refuses a classic
 * 10-pak (ProdType 38, as in GetPOP3's sample). A pak whose ProdType eNom did not send is offered,
 * and the quote says so if eNom refuses.
 */
export function takesMoreMailboxes(pak: Pick<PakView, "prodType">): boolean {
  return pak.prodType === null || pak.prodType === PROD_TYPE_MAILBOX;
}

/**
 * One pak: its name, size and use, its expiry and auto-renew, and what can be done with it. Staff
 * see eNom's "Pak 600070" with the nickname they gave it (and may rename it); the portal names
 * the pak by what it is ("Business email · 10 mailboxes · 5 GB each, renews 3 Mar 2027") and
 * never shows the BundleID.
 */
export function PakCard({
  domain,
  pak,
  today,
  capabilities,
  onDelete,
}: {
  domain: string;
  pak: PakView;
  /** The day the data was read, so expiry badges agree between server and browser. */
  today: Date;
  capabilities: DomainCapabilities;
  onDelete: () => void;
}) {
  const titleId = useId();
  const queryClient = useQueryClient();
  const viewer = pakViewerOf(capabilities);
  const reference = pakReference(pak, viewer, today);
  // Staff who may buy for the domain may name its paks; the action checks the same again.
  const canRename = viewer === "staff" && capabilities.purchase;
  const [renaming, setRenaming] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  // Set when the form closes: focus goes back to the button that opened it, once it is rendered.
  const refocusRename = useRef(false);
  const [renamed, setRenamed] = useState<string | null>(null);
  useEffect(() => {
    if (renaming || !refocusRename.current) return;
    refocusRename.current = false;
    renameButton.current?.focus();
  }, [renaming]);
  const state = expiryState(pak.expires, today);
  const days = daysUntil(pak.expires, today);
  const query = `domain=${encodeURIComponent(domain)}&pak=${pak.bundleId}`;
  const capacity = pak.capacityGb ? `${pak.capacityGb} GB` : pak.quotaMb ? formatQuota(pak.quotaMb) : null;
  const growable = takesMoreMailboxes(pak);
  return (
    <article aria-labelledby={titleId} className="rounded-lg border border-line p-4">
      <div className="flex flex-wrap items-center gap-2">
        {viewer === "portal" ? (
          <h3 id={titleId} className="font-semibold">
            {describePak(pak, today)}
          </h3>
        ) : (
          <h3 id={titleId} className="flex flex-wrap items-baseline gap-x-2 font-semibold">
            <span>Pak {pak.bundleId}</span>
            {pak.nickname ? (
              <span className="font-normal text-muted">
                <span className="sr-only">, named </span>
                {pak.nickname}
              </span>
            ) : null}
          </h3>
        )}
        {capacity && viewer === "staff" ? <Badge>{capacity} per mailbox</Badge> : null}
        {pak.available === 0 && pak.purchased > 0 ? <Badge tone="warning">Full</Badge> : null}
        {canRename && !renaming ? (
          <Button
            ref={renameButton}
            variant="ghost"
            size="sm"
            className="ml-auto"
            onClick={() => {
              setRenamed(null);
              setRenaming(true);
            }}
            aria-label={`Rename pak ${pak.bundleId}`}
          >
            <Pencil aria-hidden="true" className="size-4" />
            Rename
          </Button>
        ) : null}
      </div>
      <div aria-live="polite">
        {renamed ? (
          <p role="status" className="mt-1 text-sm text-success">
            {renamed}
          </p>
        ) : null}
      </div>
      {canRename && renaming ? (
        <PakNicknameForm
          domain={domain}
          pak={pak}
          onDone={(message) => {
            refocusRename.current = true;
            setRenaming(false);
            setRenamed(message);
          }}
        />
      ) : null}

      <div className="mt-3">
        <UsageBar used={pak.used} purchased={pak.purchased} label={`Mailboxes used in ${reference}`} />
        <p className="mt-1 text-sm text-muted">
          <span className="font-medium text-fg">{pak.used} used</span> · {pak.available} available ·{" "}
          {plural(pak.purchased, "mailbox", "mailboxes")} purchased
        </p>
      </div>

      <dl className="mt-3 grid gap-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-muted">Expires</dt>
          <dd className="mt-0.5 flex flex-wrap items-center gap-2">
            <span>{formatCalendarDate({ iso: pak.expires })}</span>
            <ExpiryBadge state={state} days={days} />
            <span className="sr-only">({describeExpiry(pak.expires, today)})</span>
          </dd>
        </div>
        <div>
          <dt className="text-muted">Auto-renew</dt>
          <dd className="mt-0.5">
            {capabilities.toggleAutoRenew ? (
              <PakAutoRenewSwitch
                domain={domain}
                bundleId={pak.bundleId}
                autoRenew={pak.autoRenew}
                label={`Auto-renew for ${reference}`}
                reread={() => queryClient.invalidateQueries({ queryKey: queryKeys.domainEmail(domain) })}
              />
            ) : (
              <span className="font-medium">{pak.autoRenew ? "On" : "Off"}</span>
            )}
          </dd>
        </div>
      </dl>

      {capabilities.renew || capabilities.purchase || capabilities.deletePaks ? (
        <div className="mt-4 flex flex-wrap gap-2">
          {capabilities.renew ? (
            <Link
              href={`${capabilities.basePath}/renew?${query}`}
              className={buttonClasses("secondary", "sm")}
              aria-label={`Renew ${reference}`}
            >
              Renew
            </Link>
          ) : null}
          {capabilities.purchase ? (
            <>
              {growable ? (
                <Link
                  href={`${capabilities.basePath}/purchase?${query}&grow=mailboxes`}
                  className={buttonClasses("secondary", "sm")}
                  aria-label={`Add mailboxes to ${reference}`}
                >
                  Add mailboxes
                </Link>
              ) : null}
              <Link
                href={`${capabilities.basePath}/purchase?${query}&grow=storage`}
                className={buttonClasses("secondary", "sm")}
                aria-label={`Add storage to ${reference}`}
              >
                Add storage
              </Link>
            </>
          ) : null}
          {capabilities.deletePaks ? (
            <Button
              variant="ghost"
              size="sm"
              className="text-danger"
              onClick={onDelete}
              aria-label={`Delete ${reference}`}
            >
              <Trash2 aria-hidden="true" className="size-4" />
              Delete pak
            </Button>
          ) : null}
          {capabilities.purchase && !growable ? (
            <p className="basis-full text-sm text-muted">
              This is a classic pak: mailboxes cannot be added to it. For more mailboxes,{" "}
              <Link
                href={`${capabilities.basePath}/purchase?domain=${encodeURIComponent(domain)}`}
                className="text-accent underline underline-offset-2"
              >
                buy a new pak
              </Link>
              .
            </p>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

/**
 * Staff's inline rename: the nickname (1–40 characters, one line), saved with
 * setPakNicknameAction; "Remove nickname" clears it. Escape or Cancel closes it unchanged.
 */
function PakNicknameForm({
  domain,
  pak,
  onDone,
}: {
  domain: string;
  pak: PakView;
  onDone: (message: string | null) => void;
}) {
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [value, setValue] = useState(pak.nickname ?? "");
  const [browserErrors, setBrowserErrors] = useState<string[] | undefined>();
  const save = useAction(setPakNicknameAction, {
    onSuccess: (data, result) => {
      // The card shows the new name at once; the read that follows confirms it.
      queryClient.setQueryData<DomainEmailView>(queryKeys.domainEmail(domain), (current) =>
        current
          ? {
              ...current,
              paks: current.paks.map((each) =>
                each.bundleId === data.bundleId ? { ...each, nickname: data.nickname } : each,
              ),
            }
          : current,
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.domainEmail(domain) });
      onDone(result.message ?? null);
    },
  });

  useEffect(() => {
    const field = form.current?.querySelector<HTMLInputElement>('input[name="nickname"]');
    field?.focus();
    field?.select();
  }, []);

  const send = (nickname: string) => {
    const request = { domain, bundleId: pak.bundleId, nickname };
    const refused = checkInBrowser(setPakNicknameSchema, request);
    if (refused && !refused.ok) {
      setBrowserErrors(refused.fieldErrors?.nickname ?? [refused.message]);
      return;
    }
    setBrowserErrors(undefined);
    void save.run(request);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    send(value);
  };

  return (
    <form
      ref={form}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onDone(null);
        }
      }}
      aria-label={`Rename pak ${pak.bundleId}`}
      noValidate
      className="mt-3 flex flex-col gap-2 rounded-md border border-line bg-raised p-3"
    >
      <TextField
        label={`Nickname of pak ${pak.bundleId}`}
        name="nickname"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        hint={`Up to ${PAK_NICKNAME_MAX} characters, such as "Sales team". Customers see it too.`}
        errors={browserErrors ?? save.fieldErrors.nickname}
        maxLength={PAK_NICKNAME_MAX * 2}
        autoComplete="off"
      />
      {save.error && !save.fieldErrors.nickname ? (
        <p role="alert" className="text-sm font-medium text-danger">
          {save.error}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" disabled={save.pending}>
          {save.pending ? "Saving…" : "Save name"}
        </Button>
        {pak.nickname ? (
          <Button
            type="button"
            variant="secondary"
            size="sm"
            disabled={save.pending}
            onClick={() => send("")}
          >
            Remove nickname
          </Button>
        ) : null}
        <Button type="button" variant="ghost" size="sm" disabled={save.pending} onClick={() => onDone(null)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
