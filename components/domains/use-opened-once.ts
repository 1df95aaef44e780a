"use client";

import { useState } from "react";

/**
 * True from the first time `open` is true. Dialogs whose code loads on first use render only from
 * then on, and stay mounted afterwards, so closing one still returns focus to what opened it.
 */
export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
}
