import { ArrowLeft, Download, ExternalLink } from "lucide-react";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTimeUtc } from "@/lib/mail/dates";
import { SETUP_NOT_READY } from "@/lib/mail-setup/model";
import type { MailboxSetupPage } from "@/lib/mail-setup/setup";
import { MailServerSettings } from "./mail-server-settings";
import { SendSetupInstructions } from "./send-setup-instructions";

/**
 * One mailbox's setup page, for staff and the portal alike: the Apple profile (download, or a QR
 * code for the phone's camera), the settings for any other email program, webmail, and "send
 * setup instructions". Customers read no provider's name: the staff-only notice about the
 * environment is the only place the variables are named.
 */
export function MailboxSetup({
  setup,
  audience,
  backHref,
  canSend,
  cannotSendNote = "Your support role can look but not send anything.",
}: {
  setup: MailboxSetupPage;
  audience: "staff" | "customer";
  backHref: string;
  /** The support role changes nothing, and sends nothing; nor does a preview of the portal. */
  canSend: boolean;
  cannotSendNote?: string;
}) {
  const { settings, profile } = setup;
  return (
    <>
      <PageHeader
        title={`Set up ${setup.address}`}
        description="Read and send this mailbox's email on phones, tablets and computers."
        actions={
          <Link href={backHref} className={buttonClasses("secondary")}>
            <ArrowLeft aria-hidden="true" className="size-4" />
            Back to {setup.domain}
          </Link>
        }
      />
      <div className="flex flex-col gap-6">
        {settings.configured ? null : <NotConfigured audience={audience} missing={settings.missing} />}
        {profile ? (
          <Card aria-labelledby="setup-apple" className="flex flex-col gap-4">
            <CardTitle>
              <span id="setup-apple">iPhone, iPad and Mac</span>
            </CardTitle>
            <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
              {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server; nothing to optimise */}
              <img
                src={profile.qrDataUrl}
                alt={`QR code that downloads the setup profile of ${setup.address}. Scan it with the camera of the iPhone or iPad to set up, or use the download button.`}
                width={184}
                height={184}
                className="shrink-0 rounded-md border border-line bg-white p-2"
              />
              <div className="flex flex-col gap-3 text-sm">
                <p>
                  Scan the code with the iPhone&apos;s or iPad&apos;s camera, or download the profile on a
                  Mac. Then open Settings (on a Mac, System Settings), choose &quot;Profile Downloaded&quot;
                  and install it. Mail asks for the mailbox&apos;s password while it installs.
                </p>
                <p className="text-xs text-muted">
                  The code works until {formatDateTimeUtc(new Date(profile.linkExpiresAt))}. The profile holds
                  no password.
                </p>
                <div>
                  <a href={profile.downloadPath} download className={buttonClasses("primary")}>
                    <Download aria-hidden="true" className="size-4" />
                    Download the profile
                  </a>
                </div>
              </div>
            </div>
          </Card>
        ) : null}
        {settings.configured ? (
          <Card aria-labelledby="setup-programs" className="flex flex-col gap-4">
            <CardTitle>
              <span id="setup-programs">Other email programs</span>
            </CardTitle>
            <p className="text-sm text-muted">
              Outlook, Thunderbird, Android&apos;s Gmail app and others: add an account by hand with these
              settings.
            </p>
            <MailServerSettings address={setup.address} servers={settings.servers} />
          </Card>
        ) : null}
        {settings.webmailUrl ? (
          <Card aria-labelledby="setup-webmail" className="flex flex-col gap-3">
            <CardTitle>
              <span id="setup-webmail">Webmail</span>
            </CardTitle>
            <p className="text-sm text-muted">
              Read the mailbox in any browser; sign in with its address and password.
            </p>
            <div>
              <a
                href={settings.webmailUrl}
                target="_blank"
                rel="noopener noreferrer"
                className={buttonClasses("secondary")}
              >
                <ExternalLink aria-hidden="true" className="size-4" />
                Open webmail<span className="sr-only"> (opens in a new tab)</span>
              </a>
            </div>
          </Card>
        ) : null}
        {settings.configured ? (
          <Card aria-labelledby="setup-send" className="flex flex-col gap-4">
            <CardTitle>
              <span id="setup-send">Send setup instructions</span>
            </CardTitle>
            {canSend ? (
              <SendSetupInstructions
                domain={setup.domain}
                userName={setup.userName}
                address={setup.address}
              />
            ) : (
              <p className="text-sm text-muted">{cannotSendNote}</p>
            )}
          </Card>
        ) : null}
      </div>
    </>
  );
}

function NotConfigured({ audience, missing }: { audience: "staff" | "customer"; missing: string[] }) {
  if (audience === "customer")
    return (
      <Alert tone="warning" title="Settings not available yet">
        <p>{SETUP_NOT_READY}</p>
      </Alert>
    );
  return (
    <Alert tone="warning" title="The mail servers are not configured">
      <p>
        Set{" "}
        {missing.map((name, index) => (
          <span key={name}>
            {index > 0 ? " and " : ""}
            <code>{name}</code>
          </span>
        ))}{" "}
        in the panel&apos;s environment (optionally <code>MAIL_POP_HOST</code> and{" "}
        <code>MAIL_WEBMAIL_URL</code>, and the ports) and restart it. eNom shows a mailbox&apos;s server names
        in webmail under Settings → External access. Until then this page and the portal&apos;s show no
        settings, and no profile can be downloaded.
      </p>
    </Alert>
  );
}
