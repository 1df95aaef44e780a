"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/users/form-state";
import {
  confirmTotpEnrollmentAction,
  disableTotpAction,
  regenerateRecoveryCodesAction,
  startTotpEnrollmentAction,
  type TotpEnrollment,
} from "@/lib/actions/account";
import {
  confirmTotpSchema,
  disableTotpSchema,
  regenerateRecoveryCodesSchema,
  startTotpEnrollmentSchema,
} from "@/lib/validation/account";
import { RecoveryCodes } from "./recovery-codes";

/** Below this many unused recovery codes, the page suggests making new ones. */
const FEW_CODES_LEFT = 3;

/**
 * Two-factor sign-in (TOTP) for the signed-in user: set up with a QR code or a setup key, confirm
 * with a first code, keep the recovery codes; later make new codes or turn it off. The server's
 * state comes in as props; a finished step refreshes the page to read it again.
 */
export function TwoFactorSettings({
  enabled,
  recoveryCodesLeft,
  accountEmail,
  productName = "Mailpak",
}: {
  enabled: boolean;
  recoveryCodesLeft: number;
  accountEmail: string;
  /** The name the user knows the panel by: the reseller's product name in the portal. */
  productName?: string;
}) {
  const router = useRouter();
  const [enrollment, setEnrollment] = useState<TotpEnrollment | null>(null);
  const [freshCodes, setFreshCodes] = useState<string[] | null>(null);
  const [notice, setNotice] = useState("");

  function showCodes(codes: string[]) {
    setEnrollment(null);
    setNotice("");
    setFreshCodes(codes);
  }

  let body: ReactNode;
  if (freshCodes) {
    body = (
      <RecoveryCodes
        codes={freshCodes}
        accountEmail={accountEmail}
        productName={productName}
        onDone={() => {
          setFreshCodes(null);
          router.refresh();
        }}
      />
    );
  } else if (enabled) {
    body = (
      <TwoFactorOn
        recoveryCodesLeft={recoveryCodesLeft}
        onNewCodes={showCodes}
        onTurnedOff={(message) => {
          setNotice(message);
          router.refresh();
        }}
      />
    );
  } else if (enrollment) {
    body = (
      <ConfirmEnrollment
        enrollment={enrollment}
        productName={productName}
        onEnabled={showCodes}
        onCancel={() => setEnrollment(null)}
      />
    );
  } else {
    body = (
      <StartEnrollment
        productName={productName}
        onStarted={(started) => {
          setNotice("");
          setEnrollment(started);
        }}
      />
    );
  }

  return (
    <div className="space-y-4">
      <div aria-live="polite">
        {notice ? (
          <p className="rounded-md border border-success/40 bg-success-soft px-3 py-2 text-sm">{notice}</p>
        ) : null}
      </div>
      {body}
    </div>
  );
}

function StartEnrollment({
  productName,
  onStarted,
}: {
  productName: string;
  onStarted: (enrollment: TotpEnrollment) => void;
}) {
  const [currentPassword, setCurrentPassword] = useState("");
  const start = useFormAction(startTotpEnrollmentSchema, startTotpEnrollmentAction, {
    onSuccess: onStarted,
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void start.run({ currentPassword });
      }}
      aria-label="Set up two-factor sign-in"
      className="space-y-4"
      noValidate
    >
      <p className="text-sm">
        <Badge tone="warning">Off</Badge> <span className="ml-1">You sign in with your password only.</span>
      </p>
      <p className="text-sm text-muted">
        With two-factor sign-in, {productName} also asks for a code from an authenticator app on your phone
        (such as Google Authenticator, Microsoft Authenticator, 1Password or Aegis), so a stolen password
        alone is not enough.
      </p>
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        className="max-w-sm"
        value={currentPassword}
        onChange={(event) => setCurrentPassword(event.target.value)}
        errors={start.fieldErrors.currentPassword}
      />
      <FormMessage state={start.result ?? undefined} />
      <Button type="submit" disabled={start.pending}>
        {start.pending ? "Preparing…" : "Set up two-factor sign-in"}
      </Button>
    </form>
  );
}

function ConfirmEnrollment({
  enrollment,
  productName,
  onEnabled,
  onCancel,
}: {
  enrollment: TotpEnrollment;
  productName: string;
  onEnabled: (codes: string[]) => void;
  onCancel: () => void;
}) {
  const [code, setCode] = useState("");
  const confirm = useFormAction(confirmTotpSchema, confirmTotpEnrollmentAction, {
    onSuccess: (data) => onEnabled(data.recoveryCodes),
  });

  return (
    <div className="space-y-5">
      <ol className="list-decimal space-y-5 pl-5 text-sm marker:font-semibold">
        <li className="space-y-2">
          <p>Scan this QR code with your authenticator app.</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server; nothing to optimise */}
          <img
            src={enrollment.qrDataUrl}
            alt={`QR code that adds your ${productName} account to an authenticator app. If you cannot scan it, use the setup key below.`}
            width={184}
            height={184}
            className="rounded-md border border-line bg-white p-2"
          />
        </li>
        <li className="space-y-2">
          <p>Cannot scan it? Choose to enter a key in the app, and type this one (time-based).</p>
          <TextField
            label="Setup key"
            readOnly
            value={enrollment.secret}
            className="max-w-sm"
            onFocus={(event) => event.currentTarget.select()}
            spellCheck={false}
          />
        </li>
        <li className="space-y-2">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void confirm.run({ code });
            }}
            aria-label="Confirm two-factor sign-in"
            className="space-y-4"
            noValidate
          >
            <TextField
              label="Authentication code"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={7}
              required
              className="max-w-40"
              hint="The 6-digit code your app shows now."
              value={code}
              onChange={(event) => setCode(event.target.value)}
              errors={confirm.fieldErrors.code}
            />
            <FormMessage state={confirm.result?.ok === false ? confirm.result : undefined} />
            <div className="flex flex-wrap gap-2">
              <Button type="submit" disabled={confirm.pending}>
                {confirm.pending ? "Checking…" : "Turn on two-factor sign-in"}
              </Button>
              <Button variant="ghost" onClick={onCancel}>
                Cancel
              </Button>
            </div>
          </form>
        </li>
      </ol>
    </div>
  );
}

function TwoFactorOn({
  recoveryCodesLeft,
  onNewCodes,
  onTurnedOff,
}: {
  recoveryCodesLeft: number;
  onNewCodes: (codes: string[]) => void;
  onTurnedOff: (message: string) => void;
}) {
  const regenerateHeading = useId();
  const disableHeading = useId();
  const [code, setCode] = useState("");
  const [currentPassword, setCurrentPassword] = useState("");
  const regenerate = useFormAction(regenerateRecoveryCodesSchema, regenerateRecoveryCodesAction, {
    onSuccess: (data) => onNewCodes(data.recoveryCodes),
  });
  const disable = useFormAction(disableTotpSchema, disableTotpAction, {
    onSuccess: (_data, result) => onTurnedOff(result.message ?? "Two-factor sign-in is off."),
  });

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Badge tone="success">On</Badge>{" "}
        <span className="ml-1">
          Signing in asks for a code from your authenticator app. You have {recoveryCodesLeft} unused recovery
          code
          {recoveryCodesLeft === 1 ? "" : "s"}.
        </span>
      </p>
      {recoveryCodesLeft <= FEW_CODES_LEFT ? (
        <Alert
          tone="warning"
          title={
            recoveryCodesLeft === 0
              ? "You have no recovery codes left"
              : "You are running out of recovery codes"
          }
        >
          Make new ones below, so that losing your phone does not lock you out.
        </Alert>
      ) : null}

      <form
        onSubmit={(event) => {
          event.preventDefault();
          void regenerate.run({ code });
        }}
        aria-labelledby={regenerateHeading}
        className="space-y-3"
        noValidate
      >
        <h3 id={regenerateHeading} className="text-base font-semibold">
          New recovery codes
        </h3>
        <p className="text-sm text-muted">
          New codes replace all your old ones. Enter a code from your app to confirm.
        </p>
        <TextField
          label="Authentication code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          required
          className="max-w-40"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          errors={regenerate.fieldErrors.code}
        />
        <FormMessage state={regenerate.result?.ok === false ? regenerate.result : undefined} />
        <Button type="submit" variant="secondary" disabled={regenerate.pending}>
          {regenerate.pending ? "Creating…" : "Create new recovery codes"}
        </Button>
      </form>

      <form
        onSubmit={(event) => {
          event.preventDefault();
          void disable.run({ currentPassword });
        }}
        aria-labelledby={disableHeading}
        className="space-y-3 border-t border-line pt-6"
        noValidate
      >
        <h3 id={disableHeading} className="text-base font-semibold">
          Turn off two-factor sign-in
        </h3>
        <p className="text-sm text-muted">
          You will sign in with your password only. Your recovery codes stop working.
        </p>
        <TextField
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          className="max-w-sm"
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.target.value)}
          errors={disable.fieldErrors.currentPassword}
        />
        <FormMessage state={disable.result?.ok === false ? disable.result : undefined} />
        <Button type="submit" variant="danger" disabled={disable.pending}>
          {disable.pending ? "Turning off…" : "Turn off two-factor sign-in"}
        </Button>
      </form>
    </div>
  );
}
