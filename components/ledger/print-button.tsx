"use client";

import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog; not printed itself. */
export function PrintButton() {
  return (
    <Button type="button" className="print:hidden" onClick={() => window.print()}>
      Print or save as PDF
    </Button>
  );
}
