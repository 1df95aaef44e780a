import type { Metadata } from "next";
import { AuthFrame } from "@/components/password-reset/auth-frame";
import { RequestResetForm } from "@/components/password-reset/request-reset-form";
import { getAuthBrand } from "@/lib/branding/auth-brand";

export async function generateMetadata(): Promise<Metadata> {
  const { branding } = await getAuthBrand();
  return { title: { absolute: `Reset your password · ${branding.productName}` } };
}

export default async function RequestPasswordResetPage() {
  const brand = await getAuthBrand();
  return (
    <AuthFrame
      brand={brand}
      title="Reset your password"
      description="Enter the email address you sign in with. We will email you a link to choose a new password."
    >
      <RequestResetForm />
    </AuthFrame>
  );
}
