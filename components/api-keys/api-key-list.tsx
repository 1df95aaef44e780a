"use client";

import { KeyRound } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { FormMessage } from "@/components/ui/form-message";
import { Table, Td, Th } from "@/components/ui/table";
import { StatusNote } from "@/components/team/status-note";
import type { ActionResult } from "@/lib/actions/result";
import { revokeApiKeyAction, revokePortalApiKeyAction } from "@/lib/actions/api-keys";
import { formatUtcMinute, maskedToken, type ApiKeyStatus, type ApiKeyView } from "@/lib/api/key-model";
import { SCOPE_DESCRIPTIONS } from "@/lib/api/scopes";

const STATUS: Record<ApiKeyStatus, { label: string; tone: "success" | "warning" | "neutral" }> = {
  active: { label: "Active", tone: "success" },
  expired: { label: "Expired", tone: "warning" },
  revoked: { label: "Revoked", tone: "neutral" },
};

/**
 * The keys, newest first, with what each may do, who made it, and when and from where it was last
 * used. Revoking asks first; the key's next call is refused.
 */
export function ApiKeyList({ keys, audience }: { keys: ApiKeyView[]; audience: "staff" | "customer" }) {
  const router = useRouter();
  const [target, setTarget] = useState<ApiKeyView | null>(null);
  const [failure, setFailure] = useState<ActionResult | null>(null);
  const [done, setDone] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const note = useRef<HTMLDivElement>(null);

  function close() {
    setTarget(null);
    setFailure(null);
  }

  function revoke(key: ApiKeyView) {
    startTransition(async () => {
      const action = audience === "staff" ? revokeApiKeyAction : revokePortalApiKeyAction;
      const result = await action({ keyId: key.id });
      if (!result.ok) {
        setFailure(result);
        return;
      }
      setDone(result);
      close();
      router.refresh();
      note.current?.focus();
    });
  }

  if (keys.length === 0)
    return (
      <EmptyState icon={KeyRound} title="No API keys yet">
        Keys you create are listed here, with when each was last used.
      </EmptyState>
    );

  return (
    <>
      <StatusNote ref={note} result={done} />
      <Table caption="API keys">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Key</Th>
            <Th>Scopes</Th>
            {audience === "staff" ? <Th>Customer</Th> : null}
            <Th>Created</Th>
            <Th>Expires</Th>
            <Th>Last used</Th>
            <Th>Status</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id} data-testid="api-key-row">
              <Td className="font-medium [overflow-wrap:anywhere]">
                {key.name}
                {key.allowedIps.length > 0 ? (
                  <span className="block text-xs font-normal text-muted">
                    From {key.allowedIps.join(", ")}
                  </span>
                ) : null}
              </Td>
              <Td className="font-mono text-xs whitespace-nowrap">{maskedToken(key.prefix)}</Td>
              <Td>{key.scopes.map((scope) => SCOPE_DESCRIPTIONS[scope].label).join(", ")}</Td>
              {audience === "staff" ? <Td>{key.customerName ?? "Staff key"}</Td> : null}
              <Td className="whitespace-nowrap">
                {formatUtcMinute(key.createdAt)}
                <span className="block text-xs text-muted">by {key.createdByEmail}</span>
              </Td>
              <Td className="whitespace-nowrap">
                {key.expiresAt ? formatUtcMinute(key.expiresAt) : "Never"}
              </Td>
              <Td className="whitespace-nowrap">
                {key.lastUsedAt ? (
                  <>
                    {formatUtcMinute(key.lastUsedAt)}
                    {key.lastUsedIp ? (
                      <span className="block text-xs text-muted">from {key.lastUsedIp}</span>
                    ) : null}
                  </>
                ) : (
                  "Never"
                )}
              </Td>
              <Td>
                <Badge tone={STATUS[key.status].tone}>{STATUS[key.status].label}</Badge>
                {key.status === "revoked" && key.revokedAt ? (
                  <span className="block text-xs text-muted">
                    {formatUtcMinute(key.revokedAt)}
                    {key.revokedByEmail ? ` by ${key.revokedByEmail}` : ""}
                  </span>
                ) : null}
              </Td>
              <Td>
                {key.status === "revoked" ? null : (
                  <Button variant="secondary" size="sm" onClick={() => setTarget(key)}>
                    Revoke<span className="sr-only"> {key.name}</span>
                  </Button>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Dialog
        open={target !== null}
        onClose={close}
        title={target ? `Revoke the API key “${target.name}”?` : "Revoke"}
        description={target ? maskedToken(target.prefix) : undefined}
      >
        {target ? (
          <div className="flex flex-col gap-4">
            <p className="text-sm">
              Every call with this key is refused from now on, and it cannot be turned back on. Whatever uses
              it needs a new key.
            </p>
            <FormMessage state={failure ?? undefined} />
            <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <Button variant="secondary" onClick={close}>
                Cancel
              </Button>
              <Button variant="danger" disabled={pending} onClick={() => revoke(target)}>
                {pending ? "Revoking…" : "Revoke the key"}
              </Button>
            </div>
          </div>
        ) : null}
      </Dialog>
    </>
  );
}
