"use client";

import { SlidersHorizontal } from "lucide-react";
import { useId, useState, type ReactNode } from "react";
import { cn } from "@/lib/utils";

/**
 * On a phone a list's filters would fill the first screen before a single row: there they fold
 * behind a "Filters" button that says how many are in force; from `sm` up they are always shown.
 * They start open when one of them has an error, so the message is seen.
 */
export function FiltersDisclosure({
  active,
  invalid,
  children,
}: {
  active: number;
  invalid: boolean;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(invalid);
  const id = useId();
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((value) => !value)}
        className="flex w-full items-center justify-between gap-2 rounded-md text-sm font-medium sm:hidden"
      >
        <span className="flex items-center gap-2">
          <SlidersHorizontal aria-hidden="true" className="size-4" />
          Filters{active > 0 ? ` · ${active} in force` : ""}
        </span>
        <span className="text-muted">{open ? "Hide" : "Show"}</span>
      </button>
      <div id={id} className={cn(open ? "mt-4 block" : "hidden", "sm:mt-0 sm:block")}>
        {children}
      </div>
    </>
  );
}
