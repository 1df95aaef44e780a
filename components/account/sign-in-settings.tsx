import type { ReactNode } from "react";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { TwoFactorSettings } from "@/components/account/two-factor-settings";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";

/**
 * The "My account" page's body for staff and customers alike: the password card and the
 * two-factor card, and a notice on the demo's shared logins. `productName` names the
 * authenticator entry (the reseller's brand for customers).
 */
export function SignInSettings({
  email,
  totpEnabled,
  recoveryCodesLeft,
  demoLogin,
  demoHint,
  productName,
}: {
  email: string;
  totpEnabled: boolean;
  recoveryCodesLeft: number;
  demoLogin: boolean;
  /** An extra sentence for the demo notice. */
  demoHint?: ReactNode;
  productName?: string;
}) {
  return (
    <>
      {demoLogin ? (
        <div className="mb-6 max-w-3xl">
          <Alert tone="info" title="This is one of the demo's shared logins">
            Its password and two-factor settings stay as they are, so everyone trying the demo can sign in.
            {demoHint ? <> {demoHint}</> : null}
          </Alert>
        </div>
      ) : null}
      <div className="grid max-w-6xl items-start gap-6 lg:grid-cols-2">
        <Card aria-labelledby="password-heading">
          <CardTitle>
            <span id="password-heading">Password</span>
          </CardTitle>
          <div className="mt-4">
            <ChangePasswordForm accountEmail={email} />
          </div>
        </Card>
        <Card aria-labelledby="two-factor-heading">
          <CardTitle>
            <span id="two-factor-heading">Two-factor sign-in</span>
          </CardTitle>
          <div className="mt-4">
            <TwoFactorSettings
              enabled={totpEnabled}
              recoveryCodesLeft={recoveryCodesLeft}
              accountEmail={email}
              productName={productName}
            />
          </div>
        </Card>
      </div>
    </>
  );
}
