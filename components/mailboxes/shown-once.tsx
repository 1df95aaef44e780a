"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Copies text to the clipboard and says so; tells the user how to copy by hand if it cannot. */
export function CopyButton({
  text,
  label,
  size = "sm",
}: {
  text: string;
  label: string;
  size?: "sm" | "md";
}) {
  const [notice, setNotice] = useState<"" | "copied" | "failed">("");

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setNotice("copied");
    } catch {
      setNotice("failed");
    }
  }

  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" size={size} onClick={copy}>
        {notice === "copied" ? (
          <Check aria-hidden="true" className="size-4" />
        ) : (
          <Copy aria-hidden="true" className="size-4" />
        )}
        {label}
      </Button>
      <span aria-live="polite" className="text-xs">
        {notice === "copied"
          ? "Copied."
          : notice === "failed"
            ? "Copying is not available here; select the text and copy it."
            : ""}
      </span>
    </span>
  );
}

/**
 * A mailbox's new password, shown this once: Mailpak keeps no copy, so it is gone when this is
 * closed. The person passes it on to whoever uses the mailbox.
 */
export function PasswordShownOnce({ address, password }: { address: string; password: string }) {
  return (
    <div className="flex flex-col gap-2 rounded-md border border-warning/40 bg-warning-soft p-4 text-sm">
      <p className="font-semibold">New password for {address}</p>
      <div className="flex flex-wrap items-center gap-2">
        <code className="rounded-md border border-line bg-surface px-3 py-2 font-mono text-base tracking-wide text-fg">
          {password}
        </code>
        <CopyButton text={password} label="Copy password" size="md" />
      </div>
      <p>
        It is shown only this once. Pass it on by another channel than email to this mailbox, and set it in
        the mail programs that use the mailbox.
      </p>
    </div>
  );
}
