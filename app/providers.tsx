"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ThemeProvider } from "next-themes";
import { useState, type ReactNode } from "react";
import { useSessionRefresh } from "@/components/layout/use-session-refresh";
import "@/lib/security/zod-without-eval";

export function Providers({ children, nonce }: { children: ReactNode; nonce?: string }) {
  // One client per browser session; created in state so a re-render never replaces it.
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false },
          mutations: { retry: false },
        },
      }),
  );
  // The session refetch slides the idle expiry while a tab is open and in use.
  useSessionRefresh();
  return (
    <ThemeProvider
      attribute="class"
      defaultTheme="system"
      enableSystem
      disableTransitionOnChange
      nonce={nonce}
    >
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ThemeProvider>
  );
}
