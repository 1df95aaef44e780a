"use client";

import { Menu, X } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import type { Permission } from "@/lib/auth/permissions";
import { MainNav } from "./main-nav";

/** The navigation as a disclosure on narrow screens; Escape closes it and returns focus. */
export function MobileNav({
  permissions,
  demo = false,
}: {
  permissions: readonly Permission[];
  demo?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <div className="lg:hidden">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="inline-flex size-10 items-center justify-center rounded-md hover:bg-raised"
      >
        {open ? <X aria-hidden="true" className="size-5" /> : <Menu aria-hidden="true" className="size-5" />}
        <span className="sr-only">{open ? "Close menu" : "Open menu"}</span>
      </button>
      {open ? (
        <nav
          id={panelId}
          aria-label="Main"
          className="absolute inset-x-0 top-14 z-40 border-b border-line bg-surface p-3 shadow-lg"
        >
          <MainNav permissions={permissions} demo={demo} onNavigate={() => setOpen(false)} />
        </nav>
      ) : null}
    </div>
  );
}
