import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { getSessionUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; notice?: string | string[] }>;
}) {
  if (await getSessionUser()) redirect("/");
  const { callbackUrl, notice } = await searchParams;
  const noticeText = typeof notice === "string" ? NOTICES[notice] : undefined;
  return (
    <main id="main" className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center gap-2">
          {/* eslint-disable-next-line @next/next/no-img-element -- a 32px inline SVG needs no optimisation */}
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <span className="text-lg font-semibold">Mailpak</span>
        </div>
        <div className="rounded-lg border border-line bg-surface p-6 shadow-sm">
          <h1 className="mb-1 text-xl font-semibold">Sign in</h1>
          <p className="mb-5 text-sm text-muted">Manage email for your domains.</p>
          {noticeText ? (
            <div className="mb-4">
              <Alert tone="success" title={noticeText} />
            </div>
          ) : null}
          <SignInForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />
        </div>
      </div>
    </main>
  );
}

/** What a page that sends people here after a success wants them to read (reset, invitation). */
const NOTICES: Record<string, string> = {
  "password-reset": "Your password has been changed. Sign in with your new password.",
  "invitation-accepted": "Your sign-in is ready. Sign in with your email address and new password.",
};
