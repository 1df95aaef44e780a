"use client";

import { useMemo, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FieldFrame, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { saveBrandingAction } from "@/lib/actions/branding";
import { checkInBrowser } from "@/components/users/form-state";
import type { ActionResult } from "@/lib/actions/result";
import { brandingSchema, HEX_COLOUR, type Branding, type BrandingFields } from "@/lib/branding/branding";
import { accentPalette } from "@/lib/branding/contrast";
import { PORTAL_HOST_EXAMPLE } from "@/lib/branding/portal-host";
import { BrandPreview } from "./brand-preview";
import { ContrastReport } from "./contrast-report";

const FIELD_NAMES = [
  "productName",
  "accentColor",
  "supportEmail",
  "supportUrl",
  "footerText",
  "portalHost",
] as const;

function fieldsOf(branding: Branding): BrandingFields {
  return Object.fromEntries(FIELD_NAMES.map((key) => [key, branding[key]])) as unknown as BrandingFields;
}

/**
 * The portal's brand: name, accent colour (picker and hex text kept in step), support contacts and
 * footer, with a live preview of the portal's header in both themes and the colour's contrast.
 */
export function BrandingForm({ saved, logoUrl }: { saved: Branding; logoUrl: string | null }) {
  const [values, setValues] = useState<BrandingFields>(() => fieldsOf(saved));
  const [hexText, setHexText] = useState(saved.accentColor);
  const [result, setResult] = useState<ActionResult<Branding> | null>(null);
  const [pending, startTransition] = useTransition();
  const palette = useMemo(() => accentPalette(values.accentColor), [values.accentColor]);
  const errors = result && !result.ok ? result.fieldErrors : undefined;

  const set = (key: keyof BrandingFields) => (value: string) =>
    setValues((current) => ({ ...current, [key]: value }));

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = { ...values, accentColor: hexText.trim() };
    const refused = checkInBrowser(brandingSchema, input);
    if (refused) {
      setResult(refused);
      return;
    }
    startTransition(async () => {
      const saved = await saveBrandingAction(input);
      setResult(saved);
      if (saved.ok) {
        setValues(fieldsOf(saved.data));
        setHexText(saved.data.accentColor);
      }
    });
  };

  return (
    <form onSubmit={submit} aria-label="Portal branding" noValidate className="flex flex-col gap-5">
      <section aria-labelledby="brand-preview-title" className="flex flex-col gap-2">
        <h3 id="brand-preview-title" className="text-sm font-semibold">
          Preview
        </h3>
        <BrandPreview productName={values.productName} logoUrl={logoUrl} palette={palette} />
      </section>

      <TextField
        label="Product name"
        name="productName"
        value={values.productName}
        onChange={(event) => set("productName")(event.target.value)}
        hint="The name your customers know the portal by: in its header, tab titles and emails."
        errors={errors?.productName}
        maxLength={60}
        required
      />

      <FieldFrame
        label="Accent colour"
        hint="Buttons, links and the current section. Enter a hex colour such as #2563eb."
        errors={errors?.accentColor}
      >
        {({ id, describedBy, invalid }) => (
          <div className="flex items-center gap-2">
            <input
              type="color"
              aria-label="Pick the accent colour"
              value={HEX_COLOUR.test(values.accentColor) ? values.accentColor : "#2563eb"}
              onChange={(event) => {
                set("accentColor")(event.target.value);
                setHexText(event.target.value);
              }}
              className="h-10 w-14 shrink-0 cursor-pointer rounded-md border border-line bg-surface p-1"
            />
            <input
              id={id}
              name="accentColor"
              value={hexText}
              onChange={(event) => {
                const text = event.target.value;
                setHexText(text);
                const candidate = text.trim().startsWith("#") ? text.trim() : `#${text.trim()}`;
                if (HEX_COLOUR.test(candidate)) set("accentColor")(candidate.toLowerCase());
              }}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              spellCheck={false}
              autoComplete="off"
              maxLength={7}
              className="block w-32 rounded-md border border-line bg-surface px-3 py-2 font-mono text-sm text-fg aria-[invalid=true]:border-danger"
            />
          </div>
        )}
      </FieldFrame>
      <ContrastReport picked={values.accentColor} palette={palette} />

      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Support email"
          name="supportEmail"
          type="email"
          value={values.supportEmail}
          onChange={(event) => set("supportEmail")(event.target.value)}
          hint="Optional. Shown under every portal page."
          errors={errors?.supportEmail}
          autoComplete="off"
        />
        <TextField
          label="Support website"
          name="supportUrl"
          type="url"
          value={values.supportUrl}
          onChange={(event) => set("supportUrl")(event.target.value)}
          hint="Optional. A web address starting with https://."
          errors={errors?.supportUrl}
          placeholder="https://"
        />
      </div>
      <TextAreaField
        label="Footer text"
        name="footerText"
        rows={3}
        value={values.footerText}
        onChange={(event) => set("footerText")(event.target.value)}
        hint={`Optional plain text under every portal page, such as your company's address. ${values.footerText.length}/500`}
        errors={errors?.footerText}
        maxLength={500}
      />

      <TextField
        label="Portal address"
        name="portalHost"
        value={values.portalHost}
        onChange={(event) => set("portalHost")(event.target.value)}
        hint={
          <>
            Optional. A host name of your own, such as {PORTAL_HOST_EXAMPLE}, without https:// or a path.
            Point it at this panel (the deployment guide says how); customers who open it get the portal and
            its sign-in under your brand. Staff keep using the panel&apos;s own address.
          </>
        }
        errors={errors?.portalHost}
        placeholder={PORTAL_HOST_EXAMPLE}
        autoComplete="off"
        spellCheck={false}
        inputMode="url"
        maxLength={253}
      />

      <FormMessage state={result ?? undefined} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save branding"}
        </Button>
      </div>
    </form>
  );
}
