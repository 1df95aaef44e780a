"use client";

import { Check, Copy } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * A temporary password, shown this once: the server keeps only its hash. The person who made it
 * copies it and passes it on; it is gone when the dialog or page is left.
 */
export function TemporaryPassword({ email, password }: { email: string; password: string }) {
  const id = useId();
  const [notice, setNotice] = useState("");

  async function copy() {
    try {
      await navigator.clipboard.writeText(password);
      setNotice("Copied to the clipboard.");
    } catch {
      setNotice("Copying is not available in this browser; select the password and copy it.");
    }
  }

  return (
    <div className="flex flex-col gap-2 rounded-md border border-warning/40 bg-warning-soft p-4 text-sm">
      <label htmlFor={id} className="font-semibold">
        Temporary password
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={id}
          readOnly
          value={password}
          aria-describedby={`${id}-hint`}
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-line bg-surface px-3 py-2 font-mono text-base tracking-wide text-fg"
        />
        <Button variant="secondary" onClick={copy}>
          {notice.startsWith("Copied") ? (
            <Check aria-hidden="true" className="size-4" />
          ) : (
            <Copy aria-hidden="true" className="size-4" />
          )}
          Copy password
        </Button>
      </div>
      <p id={`${id}-hint`}>
        For {email}. It is shown only this once: pass it on by another channel than email, and ask them to
        change it under My account.
      </p>
      <p aria-live="polite" className="text-xs">
        {notice}
      </p>
    </div>
  );
}
