"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { SecretField } from "@/components/ui/secret-field";

/**
 * A new key's token, shown this once: the server keeps only the hash of its secret. It is gone
 * when the person clicks "Done" or leaves the page.
 */
export function CreatedToken({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const id = useId();
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="flex flex-col gap-3 rounded-md border border-warning/40 bg-warning-soft p-4 text-sm"
    >
      <h3 id={`${id}-title`} className="font-semibold">
        The API key &ldquo;{name}&rdquo;
      </h3>
      <p id={`${id}-hint`} className="font-medium">
        Copy it now and keep it somewhere safe: you will not see it again. If it is lost, revoke it and create
        a new one.
      </p>
      <SecretField
        id={id}
        label="API key"
        labelHidden
        value={token}
        copyLabel="Copy the API key"
        hintId={`${id}-hint`}
        testId="api-key-token"
      />
      <p className="text-xs text-muted">
        Send it with every call as the header{" "}
        <code className="font-mono">Authorization: Bearer &lt;key&gt;</code>.
      </p>
      <div>
        <Button variant="secondary" onClick={onDone}>
          Done, I have copied it
        </Button>
      </div>
    </section>
  );
}
