"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { describeMirrorSync, type MirrorStatus } from "@/lib/mirror/status";

/** How often the page reads the mirror again while the account is read for the first time. */
const RELOAD_MS = 3_000;

/**
 * "Reading your account from eNom… (120 of 4,000 domains)": shown on the lists until the first
 * full sync of the account mirror has finished; the page reloads its data every few seconds
 * meanwhile, so the list fills in and the notice goes by itself.
 */
export function MirrorSyncNotice({
  status,
  service,
}: {
  status: MirrorStatus;
  service: "eNom" | "the email service";
}) {
  const router = useRouter();
  const syncing = status.state === "syncing";
  useEffect(() => {
    if (!syncing) return;
    const timer = setInterval(() => router.refresh(), RELOAD_MS);
    return () => clearInterval(timer);
  }, [router, syncing]);
  const text = describeMirrorSync(status, service);
  if (!text) return null;
  return (
    <div className="mb-4" role="status">
      <Alert tone={status.state === "failed" ? "warning" : "info"} title={text}>
        {status.state === "failed"
          ? "It is tried again in a minute; what is shown so far may be incomplete."
          : "The list shows what has been read so far and fills in by itself."}
      </Alert>
    </div>
  );
}
