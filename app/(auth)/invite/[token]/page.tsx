import type { Metadata } from "next";
import Link from "next/link";
import { BrandRoot } from "@/components/portal/brand-root";
import { PortalBrand } from "@/components/portal/portal-brand";
import { AcceptInvitationForm } from "@/components/team/accept-invitation-form";
import { buttonClasses } from "@/components/ui/button";
import { getBranding } from "@/lib/branding/settings";
import { lookUpInvitation, type InvitationLookup } from "@/lib/team/invitations";

export async function generateMetadata(): Promise<Metadata> {
  const branding = await getBranding();
  // The link's token must not travel to another site in a Referer header.
  return { title: { absolute: `Your invitation · ${branding.productName}` }, referrer: "no-referrer" };
}

const UNUSABLE: Record<Exclude<InvitationLookup["state"], "pending">, { title: string; text: string }> = {
  unknown: {
    title: "This invitation link does not work",
    text: "The link is not valid: it may be incomplete, or a newer invitation replaced it. Ask whoever invited you to send it again.",
  },
  expired: {
    title: "This invitation has expired",
    text: "Invitations work for a limited time. Ask whoever invited you to send a new one.",
  },
  accepted: {
    title: "This invitation was already used",
    text: "Your sign-in is ready: sign in with the email address and the password you chose.",
  },
  revoked: {
    title: "This invitation was withdrawn",
    text: "Whoever invited you withdrew it. Ask them if you still need access.",
  },
};

/** A colleague's invitation, under the reseller's brand: welcome, then name and password. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [branding, lookup] = await Promise.all([getBranding(), lookUpInvitation(token)]);
  return (
    <BrandRoot accentColor={branding.accentColor} className="min-h-dvh bg-canvas">
      <main id="main" className="flex min-h-dvh items-center justify-center px-4 py-12">
        <div className="w-full max-w-md">
          <div className="mb-6 flex items-center gap-2">
            <PortalBrand branding={branding} />
          </div>
          <div className="rounded-lg border border-line bg-surface p-6 shadow-sm">
            {lookup.state === "pending" && lookup.invitation ? (
              <>
                <h1 className="mb-1 text-xl font-semibold">
                  Welcome to {lookup.customerName} on {branding.productName}
                </h1>
                <p className="mb-5 text-sm text-muted">
                  You were invited to manage the email of the domains of {lookup.customerName}. Choose your
                  name and a password to sign in.
                </p>
                <AcceptInvitationForm
                  token={token}
                  email={lookup.invitation.email}
                  suggestedName={lookup.invitation.name}
                />
              </>
            ) : (
              <UnusableInvitation {...UNUSABLE[lookup.state === "pending" ? "unknown" : lookup.state]} />
            )}
          </div>
        </div>
      </main>
    </BrandRoot>
  );
}

function UnusableInvitation({ title, text }: { title: string; text: string }) {
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">{title}</h1>
      <p className="mb-5 text-sm text-muted">{text}</p>
      <Link href="/sign-in" className={buttonClasses()}>
        Go to sign in
      </Link>
    </>
  );
}
