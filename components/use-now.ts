"use client";

import { useEffect, useState } from "react";

/**
 * The browser's clock, ticking every 10 s once mounted; null on the server's render and the first
 * client render, so both agree and an age ("40 s ago") is counted only in the browser.
 */
export function useNow(): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 10_000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, []);
  return now;
}
