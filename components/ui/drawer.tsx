"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { DialogTitleBar } from "@/components/ui/dialog";
import { cn } from "@/lib/utils";

/**
 * A side sheet on the native <dialog>, like `Dialog`: the browser traps focus, Escape closes it
 * and focus returns to what opened it. Full width on a phone, a column on the right from `sm` up;
 * its body scrolls, its title and close button stay.
 */
export function Drawer({
  open,
  onClose,
  title,
  description,
  children,
  className,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      // Escape fires "cancel" and then "close": answering only "close" reports it once.
      onClose={onClose}
      // A click on the backdrop lands on the <dialog> itself, never on its content.
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
      className={cn(
        "fixed inset-y-0 right-0 left-auto m-0 h-dvh max-h-none w-full max-w-none border-0 bg-surface p-0 text-fg shadow-xl backdrop:bg-black/50 sm:w-[min(36rem,100vw)] sm:border-l sm:border-line",
        className,
      )}
    >
      {open ? (
        <div className="flex h-full flex-col">
          <DialogTitleBar
            className="border-b border-line px-5 py-4"
            title={title}
            titleId={titleId}
            description={description}
            descriptionId={descriptionId}
            onClose={onClose}
          />
          {/* Focusable, so the keyboard can scroll long details (axe: scrollable-region-focusable). */}
          <div
            tabIndex={0}
            role="region"
            aria-labelledby={titleId}
            className="min-h-0 flex-1 overflow-y-auto px-5 py-4 focus-visible:outline-2 focus-visible:outline-accent"
          >
            {children}
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
