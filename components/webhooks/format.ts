/** "2026-11-24 14:05:33 UTC": one clock for everyone, to the second (retries come seconds apart). */
export function formatUtcSecond(iso: string): string {
  return `${iso.slice(0, 19).replace("T", " ")} UTC`;
}
