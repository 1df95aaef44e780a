"use client";

import { X } from "lucide-react";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { cn } from "@/lib/utils";

/**
 * A modal on the native <dialog>: the browser traps focus, Escape closes it, and focus returns
 * to what opened it. A field marked `data-autofocus` gets the focus on opening (React's autoFocus
 * runs before the dialog is shown, so the browser would focus the close button instead).
 */
export function Dialog({
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
    if (open && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={onClose}
      onCancel={onClose}
      className={cn(
        "m-auto w-[min(36rem,calc(100vw-2rem))] rounded-lg border border-line bg-surface p-0 text-fg shadow-xl backdrop:bg-black/50",
        className,
      )}
    >
      {open ? (
        <div className="p-5">
          <DialogTitleBar
            className="mb-4"
            title={title}
            titleId={titleId}
            description={description}
            descriptionId={descriptionId}
            onClose={onClose}
          />
          {children}
        </div>
      ) : null}
    </dialog>
  );
}

/** A modal's title, its description and its Close button; shared by Dialog and Drawer. */
export function DialogTitleBar({
  title,
  titleId,
  description,
  descriptionId,
  onClose,
  className,
}: {
  title: string;
  titleId: string;
  description?: ReactNode;
  descriptionId: string;
  onClose: () => void;
  className?: string;
}) {
  return (
    <div className={cn("flex items-start justify-between gap-4", className)}>
      <div className="min-w-0">
        <h2 id={titleId} className="text-lg font-semibold break-words">
          {title}
        </h2>
        {description ? (
          <div id={descriptionId} className="mt-1 text-sm text-muted">
            {description}
          </div>
        ) : null}
      </div>
      <button
        type="button"
        onClick={onClose}
        className="shrink-0 rounded-md p-1 text-muted hover:bg-raised hover:text-fg"
      >
        <X aria-hidden="true" className="size-5" />
        <span className="sr-only">Close</span>
      </button>
    </div>
  );
}
