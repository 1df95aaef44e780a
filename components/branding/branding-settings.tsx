"use client";

import { useState } from "react";
import { Card, CardTitle } from "@/components/ui/card";
import type { Branding } from "@/lib/branding/branding";
import { BrandingForm } from "./branding-form";
import { LogoUpload } from "./logo-upload";

/** Settings → Branding: the logo and the brand's fields, sharing the logo for the live preview. */
export function BrandingSettings({ saved, logoUrl }: { saved: Branding; logoUrl: string | null }) {
  const [logo, setLogo] = useState(logoUrl);
  return (
    <div className="flex flex-col gap-6">
      <Card aria-labelledby="branding-title">
        <CardTitle className="mb-1">
          <span id="branding-title">Your customers&apos; portal</span>
        </CardTitle>
        <p className="mb-4 text-sm text-muted">
          Customers see this name, colour and contacts on every page of their portal, and never the name of
          the email provider behind it.
        </p>
        <BrandingForm saved={saved} logoUrl={logo} />
      </Card>
      <Card aria-labelledby="logo-title">
        <CardTitle className="mb-4">
          <span id="logo-title">Logo</span>
        </CardTitle>
        <LogoUpload url={logo} productName={saved.productName} onChange={setLogo} />
      </Card>
    </div>
  );
}
