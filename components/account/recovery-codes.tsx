"use client";

import { Copy, Download } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * Freshly issued recovery codes. The server keeps only their hashes, so this is the one time
 * anyone sees them: the user copies or downloads them, then says so.
 */
export function RecoveryCodes({
  codes,
  accountEmail,
  productName = "Mailpak",
  onDone,
}: {
  codes: string[];
  accountEmail: string;
  productName?: string;
  onDone: () => void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [notice, setNotice] = useState("");

  // The codes replace the form the user just sent; move focus so a screen reader starts here.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(codes.join("\n"));
      setNotice("The codes are copied to the clipboard.");
    } catch {
      setNotice(
        "Copying is not available in this browser. Select the codes and copy them, or download them.",
      );
    }
  }

  // The portal's users never see "Mailpak": the file is named after the reseller's product.
  const fileName = `${
    productName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "account"
  }-recovery-codes.txt`;

  function download() {
    const text = [
      `${productName} recovery codes for ${accountEmail}`,
      `Created ${new Date().toISOString().slice(0, 10)}. Each code works once; new codes replace all of these.`,
      "",
      ...codes,
      "",
    ].join("\n");
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
    setNotice(`The codes are downloaded as ${fileName}.`);
  }

  return (
    <div className="space-y-4">
      <h3 ref={headingRef} tabIndex={-1} className="text-base font-semibold focus:outline-none">
        Save your recovery codes
      </h3>
      <Alert tone="warning" title="These codes are shown only this once">
        If you lose your phone, each code lets you sign in one time instead of an app code. Keep them
        somewhere safe, such as a password manager. Anyone who has them and your password can sign in as you.
      </Alert>
      <ol
        aria-label="Recovery codes"
        className="grid grid-cols-2 gap-x-6 gap-y-1 rounded-md border border-line bg-raised p-4 font-mono text-sm sm:w-max"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={copy}>
          <Copy aria-hidden="true" className="size-4" />
          Copy codes
        </Button>
        <Button variant="secondary" onClick={download}>
          <Download aria-hidden="true" className="size-4" />
          Download codes
        </Button>
      </div>
      <p aria-live="polite" className="text-sm text-muted">
        {notice}
      </p>
      <Button onClick={onDone}>I have saved my recovery codes</Button>
    </div>
  );
}
