import { Alert } from "@/components/ui/alert";

/** eNom refusing Mailpak itself (a bad login or this server's IP address), as lib/health reports it. */
export type EnomAccessBannerProblem = { code: "bad-login" | "ip-not-allowed"; ip: string | null };

/**
 * Staff only (rendered by the staff layout, never by the portal): eNom refused Mailpak's last
 * call or health check for a reason only the reseller can fix, so every email page will fail
 * until it is fixed. Says exactly what to change.
 */
export function EnomAccessBanner({ problem }: { problem: EnomAccessBannerProblem | null }) {
  if (!problem) return null;
  return (
    <div className="mb-6">
      {problem.code === "bad-login" ? (
        <Alert
          tone="danger"
          title="eNom refused Mailpak's login: check ENOM_UID and ENOM_PW (or the API token)"
        >
          Every email page fails until the login works. Set the reseller login ID and the API token (or the
          account password) in the server&apos;s environment, restart Mailpak, then open /api/health.
        </Alert>
      ) : (
        <Alert
          tone="danger"
          title={`eNom does not accept calls from this server's IP address${problem.ip ? ` ${problem.ip}` : ""}: allow it in eNom's API settings`}
        >
          Every email page fails until eNom allows this address. Add it in your eNom account&apos;s API
          settings, then open /api/health.
        </Alert>
      )}
    </div>
  );
}
