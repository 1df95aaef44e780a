import Link from "next/link";
import { cn } from "@/lib/utils";

const SECTIONS = [
  { href: "/settings", label: "Pricing" },
  { href: "/settings/branding", label: "Branding" },
  { href: "/settings/security", label: "Security" },
  { href: "/settings/webhooks", label: "Webhooks" },
  { href: "/settings/api-keys", label: "API keys" },
  { href: "/settings/api", label: "API reference" },
] as const;

/** The tabs of the settings area; each section is its own page. */
export function SettingsNav({ current }: { current: (typeof SECTIONS)[number]["href"] }) {
  return (
    <nav aria-label="Settings sections" className="mb-6 border-b border-line">
      <ul className="-mb-px flex flex-wrap gap-x-4 gap-y-1">
        {SECTIONS.map((section) => (
          <li key={section.href}>
            <Link
              href={section.href}
              aria-current={section.href === current ? "page" : undefined}
              className={cn(
                "inline-block border-b-2 px-1 pb-2 text-sm font-medium",
                section.href === current
                  ? "border-accent text-fg"
                  : "border-transparent text-muted hover:text-fg",
              )}
            >
              {section.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
