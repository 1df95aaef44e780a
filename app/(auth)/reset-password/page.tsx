import type { Metadata } from "next";
import { AuthFrame } from "@/components/password-reset/auth-frame";
import { RequestResetForm } from "@/components/password-reset/request-reset-form";
import { getBranding } from "@/lib/branding/settings";

export async function generateMetadata(): Promise<Metadata> {
  const branding = await getBranding();
  return { title: { absolute: `Reset your password · ${branding.productName}` } };
}

export default async function RequestPasswordResetPage() {
  const branding = await getBranding();
  return (
    <AuthFrame
      productName={branding.productName}
      title="Reset your password"
      description="Enter the email address you sign in with. We will email you a link to choose a new password."
    >
      <RequestResetForm />
    </AuthFrame>
  );
}
