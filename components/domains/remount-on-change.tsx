"use client";

import { Fragment, type ReactNode } from "react";

/**
 * Mounts its children afresh whenever `value` changes: a form's uncontrolled fields then show the
 * new defaults (after "Clear", a quick filter or a shared link) instead of what was typed before.
 */
export function RemountOnChange({ value, children }: { value: string; children: ReactNode }) {
  return <Fragment key={value}>{children}</Fragment>;
}
