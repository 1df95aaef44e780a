import type { ReactNode } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import type { MailServer, MailServers } from "@/lib/mail-setup/model";

/**
 * The settings an email program asks for, one row each with a copy button: the user name (the full
 * address), then each server's name, port and security. The password is never shown, only where it
 * comes from.
 */
export function MailServerSettings({ address, servers }: { address: string; servers: MailServers }) {
  return (
    <div className="flex flex-col gap-5">
      <SettingsGroup title="Your account">
        <Setting label="Email address and user name" value={address} copy />
        <Setting label="Password" value="The mailbox's password (never shown here or sent by email)" />
      </SettingsGroup>
      <ServerGroup title="Incoming mail: IMAP (recommended)" server={servers.imap} />
      {servers.pop ? (
        <ServerGroup title="Incoming mail: POP3 (keeps mail on one device only)" server={servers.pop} />
      ) : null}
      <ServerGroup
        title="Outgoing mail: SMTP"
        server={servers.smtp}
        note="Sign in with the same user name and password as for incoming mail."
      />
    </div>
  );
}

function ServerGroup({ title, server, note }: { title: string; server: MailServer; note?: string }) {
  return (
    <SettingsGroup title={title} note={note}>
      <Setting label="Server" value={server.host} copy />
      <Setting label="Port" value={String(server.port)} copy />
      <Setting label="Security" value={server.security} />
    </SettingsGroup>
  );
}

function SettingsGroup({ title, note, children }: { title: string; note?: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-2">
      <h3 className="text-sm font-semibold">{title}</h3>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_minmax(0,1fr)]">
        {children}
      </dl>
      {note ? <p className="text-xs text-muted">{note}</p> : null}
    </section>
  );
}

function Setting({ label, value, copy = false }: { label: string; value: string; copy?: boolean }) {
  return (
    <>
      <dt className="text-muted">{label}</dt>
      <dd className="flex min-w-0 flex-wrap items-center gap-2">
        <span className={copy ? "font-mono [overflow-wrap:anywhere]" : "[overflow-wrap:anywhere]"}>
          {value}
        </span>
        {copy ? <CopyButton value={value} label={`Copy ${label.toLowerCase()}: ${value}`} /> : null}
      </dd>
    </>
  );
}
