"use client";

import { CircleUserRound, LogOut, UserRound } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";

export interface ShellUser {
  name: string;
  email: string;
  role: string;
}

/** Who is signed in, with the way to their account and out; a disclosure menu. */
export function UserMenu({ user, accountHref }: { user: ShellUser; accountHref?: string }) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (
        event instanceof KeyboardEvent
          ? event.key === "Escape"
          : !rootRef.current?.contains(event.target as Node)
      )
        setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  return (
    <div ref={rootRef} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((value) => !value)}
        className="flex items-center gap-2 rounded-md px-2 py-1 text-sm hover:bg-raised"
      >
        <CircleUserRound aria-hidden="true" className="size-6 text-muted" />
        <span className="hidden text-left leading-tight sm:block">
          <span className="block font-medium">{user.name}</span>
          <span className="block text-xs text-muted">
            {user.email} · <span className="capitalize">{user.role}</span>
          </span>
        </span>
        <span className="sr-only">Account menu for {user.name}</span>
      </button>
      {open ? (
        <div
          id={menuId}
          className="absolute right-0 z-40 mt-1 w-56 rounded-md border border-line bg-surface p-1 shadow-lg"
        >
          <p className="px-3 py-2 text-xs text-muted sm:hidden">
            {user.email} · <span className="capitalize">{user.role}</span>
          </p>
          {accountHref ? (
            <Link
              href={accountHref}
              onClick={() => setOpen(false)}
              className="flex items-center gap-2 rounded px-3 py-2 text-sm hover:bg-raised"
            >
              <UserRound aria-hidden="true" className="size-4" /> My account
            </Link>
          ) : null}
          <button
            type="button"
            onClick={async () => {
              // Loaded on use: next-auth's client is not worth its weight on every page.
              const { signOut } = await import("next-auth/react");
              await signOut({ redirect: false });
              router.replace("/sign-in");
              router.refresh();
            }}
            className="flex w-full items-center gap-2 rounded px-3 py-2 text-left text-sm hover:bg-raised"
          >
            <LogOut aria-hidden="true" className="size-4" /> Sign out
          </button>
        </div>
      ) : null}
    </div>
  );
}
