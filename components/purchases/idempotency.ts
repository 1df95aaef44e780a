"use client";

import { useCallback, useRef } from "react";

/**
 * The wizards' idempotency keys. One key is made when the wizard mounts; the first submission of a
 * set of choices takes it, and the key is remembered in this tab's sessionStorage under those
 * choices, so a refresh or a second click resubmits the same key and the server answers with the
 * first attempt's result instead of buying again. Once a submission has failed (nothing was
 * bought), `forget` lets the next one take a fresh key.
 */

const PREFIX = "mailpak.wizard-key";
const ORIGIN_PREFIX = "mailpak.attempt-origin";

/** crypto.randomUUID needs a secure context; getRandomValues does not. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // Storage can be switched off; the key then lives only as long as the page.
    return null;
  }
}

export function useIdempotencyKey(scope: "purchase" | "renew") {
  const mountKey = useRef<string | null>(null);
  const memory = useRef(new Map<string, string>());
  const handedOut = useRef(new Set<string>());

  const keyFor = useCallback(
    (fingerprint: string): string => {
      const name = `${PREFIX}:${scope}:${fingerprint}`;
      const stored = storage()?.getItem(name) ?? memory.current.get(name);
      if (stored) return stored;
      // The key made at mount goes to the first choices submitted; later choices, and any try
      // after a failure, get their own: a key once handed out is never handed out again.
      const key =
        mountKey.current && !handedOut.current.has(mountKey.current) ? mountKey.current : newIdempotencyKey();
      mountKey.current ??= key;
      handedOut.current.add(key);
      memory.current.set(name, key);
      storage()?.setItem(name, key);
      return key;
    },
    [scope],
  );

  const forget = useCallback(
    (fingerprint: string) => {
      const name = `${PREFIX}:${scope}:${fingerprint}`;
      memory.current.delete(name);
      storage()?.removeItem(name);
    },
    [scope],
  );

  const init = useCallback(() => {
    mountKey.current ??= newIdempotencyKey();
  }, []);

  return { keyFor, forget, init };
}

/** Forgets every choice remembered with this key, so "try again" gets a fresh one. */
export function forgetIdempotencyKey(key: string): void {
  const store = storage();
  if (!store) return;
  for (let index = store.length - 1; index >= 0; index--) {
    const name = store.key(index);
    if (name?.startsWith(PREFIX) && store.getItem(name) === key) store.removeItem(name);
  }
}

/** Where the wizard of an attempt lives with its choices, for "Change and try again". */
export function rememberAttemptOrigin(key: string, href: string): void {
  storage()?.setItem(`${ORIGIN_PREFIX}:${key}`, href);
}

export function attemptOrigin(key: string): string | null {
  return storage()?.getItem(`${ORIGIN_PREFIX}:${key}`) ?? null;
}
