/**
 * The panel's Content Security Policy, built per request by proxy.ts. Scripts run only with the
 * request's nonce ('strict-dynamic' lets Next's own chunks load the rest); nothing may frame the
 * panel, post forms elsewhere or load plugins. Runs in the proxy, so no server-only imports.
 */

/** 16 random bytes, base64: unguessable, and valid in a CSP nonce-source. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export interface PolicyOptions {
  nonce: string;
  /** Served over https: ask the browser to upgrade any stray http sub-resource. */
  https: boolean;
  /** `next dev` only: React rebuilds server error stacks with eval. */
  development?: boolean;
}

export function contentSecurityPolicy({ nonce, https, development = false }: PolicyOptions): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": [
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(development ? ["'unsafe-eval'"] : []),
    ],
    // Styles stay 'unsafe-inline' (without a nonce, which would switch it off): React style
    // attributes, the charts and next-themes' transition guard write inline styles. Scripts are
    // what CSP must hold; a style injection cannot run code.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "frame-src": ["'none'"],
    "worker-src": ["'self'", "blob:"],
    "manifest-src": ["'self'"],
  };
  const parts = Object.entries(directives).map(([name, values]) => `${name} ${values.join(" ")}`);
  // Over plain http (localhost, the tests) upgrading would break every asset.
  if (https) parts.push("upgrade-insecure-requests");
  return parts.join("; ");
}

/** Two years, subdomains included; sent only when the panel is served over https. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

export function isHttpsUrl(url: string | undefined): boolean {
  return url?.startsWith("https://") ?? false;
}
