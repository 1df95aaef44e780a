"use client";

import { RotateCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";

/** Reads the page's data again from the server (after the email service failed to answer). */
export function RetryButton({ label = "Try again" }: { label?: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button variant="secondary" disabled={pending} onClick={() => startTransition(() => router.refresh())}>
      <RotateCw aria-hidden="true" className={pending ? "size-4 animate-spin" : "size-4"} />
      {pending ? "Trying again…" : label}
    </Button>
  );
}
