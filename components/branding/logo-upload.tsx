"use client";

import { ImageUp, Trash2 } from "lucide-react";
import { useId, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { removeLogoAction, uploadLogoAction, type LogoResult } from "@/lib/actions/branding";
import type { ActionResult } from "@/lib/actions/result";
import { checkLogo, LOGO_ACCEPT } from "@/lib/branding/logo";

/**
 * The portal's logo: a PNG, JPEG or WebP image of at most 256 KB. The file is checked here first
 * (so a wrong file is refused before it travels) and again, by its bytes, on the server.
 */
export function LogoUpload({
  url,
  productName,
  onChange,
}: {
  url: string | null;
  productName: string;
  onChange: (url: string | null) => void;
}) {
  const inputId = useId();
  const hintId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<ActionResult<LogoResult> | null>(null);
  const [pending, startTransition] = useTransition();

  const upload = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = inputRef.current?.files?.[0];
    if (!file) {
      setResult({ ok: false, message: "Choose an image file for the logo." });
      return;
    }
    startTransition(async () => {
      const check = checkLogo(new Uint8Array(await file.arrayBuffer()));
      if (!check.ok) {
        setResult({ ok: false, message: check.message });
        return;
      }
      const formData = new FormData();
      formData.set("logo", file);
      const uploaded = await uploadLogoAction(formData);
      setResult(uploaded);
      if (uploaded.ok) {
        onChange(uploaded.data.url);
        if (inputRef.current) inputRef.current.value = "";
      }
    });
  };

  const remove = () =>
    startTransition(async () => {
      const removed = await removeLogoAction();
      setResult(removed);
      if (removed.ok) onChange(null);
    });

  return (
    <form onSubmit={upload} aria-label="Portal logo" noValidate className="flex flex-col gap-4">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-center">
        <div className="flex h-20 w-48 shrink-0 items-center justify-center rounded-md border border-dashed border-line bg-canvas p-2">
          {url ? (
            // eslint-disable-next-line @next/next/no-img-element -- the uploaded logo as stored
            <img
              src={url}
              alt={`Current logo of ${productName}`}
              className="max-h-full max-w-full object-contain"
            />
          ) : (
            <span className="text-center text-xs text-muted">No logo: the portal shows the product name</span>
          )}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={inputId} className="text-sm font-medium">
            {url ? "Replace the logo" : "Upload a logo"}
          </label>
          <input
            ref={inputRef}
            id={inputId}
            name="logo"
            type="file"
            accept={LOGO_ACCEPT}
            aria-describedby={hintId}
            onChange={() => setResult(null)}
            className="text-sm file:mr-3 file:rounded-md file:border file:border-line file:bg-surface file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-fg"
          />
          <p id={hintId} className="text-xs text-muted">
            PNG, JPEG or WebP, at most 256 KB. Shown 32 pixels high; a wide logo on a transparent background
            works best.
          </p>
        </div>
      </div>
      <FormMessage state={result ?? undefined} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          <ImageUp aria-hidden="true" className="size-4" />
          {pending ? "Working…" : "Upload logo"}
        </Button>
        {url ? (
          <Button variant="secondary" onClick={remove} disabled={pending}>
            <Trash2 aria-hidden="true" className="size-4" />
            Remove logo
          </Button>
        ) : null}
      </div>
    </form>
  );
}
