import { Alert } from "@/components/ui/alert";
import { twoFactorRequiredReason, type TwoFactorAudience } from "@/lib/settings/security-model";

/**
 * On a "My account" page, for someone who must set up two-factor sign-in before anything else
 * (Settings → Security): why every other page sends them here. Customers read "your reseller",
 * never the panel's or the provider's name.
 */
export function SecurityTwoFactorNotice({ audience }: { audience: TwoFactorAudience }) {
  return (
    <div className="mb-6 max-w-3xl">
      <Alert tone="warning" title="Set up two-factor sign-in to continue">
        {twoFactorRequiredReason(audience)} Until it is on, this is the only page open to you: set it up in
        the Two-factor sign-in section below, or sign out.
      </Alert>
    </div>
  );
}
