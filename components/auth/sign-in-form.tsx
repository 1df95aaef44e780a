"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { signInSchema } from "@/lib/validation/account";
import { safeCallbackPath, signInMessage } from "./sign-in-messages";

type Step = "password" | "otp";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const router = useRouter();
  const [step, setStep] = useState<Step>("password");
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ email?: string[]; password?: string[] }>({});
  const [pending, setPending] = useState(false);
  const [email, setEmail] = useState("");
  // Kept only in memory for the second step; never in the URL, storage or rendered output.
  const password = useRef("");

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    if (step === "password") {
      const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
      if (!parsed.success) {
        const flat = parsed.error.flatten().fieldErrors;
        setFieldErrors({ email: flat.email, password: flat.password });
        return;
      }
      setFieldErrors({});
      setEmail(parsed.data.email);
      password.current = parsed.data.password;
    }
    const otp = step === "otp" ? String(form.get("otp") ?? "").trim() : "";
    const account =
      step === "password"
        ? String(form.get("email") ?? "")
            .trim()
            .toLowerCase()
        : email;
    setPending(true);
    try {
      const result = await signIn("credentials", {
        email: account,
        password: password.current,
        otp,
        redirect: false,
      });
      if (result?.ok && !result.error) {
        router.replace(safeCallbackPath(callbackUrl));
        router.refresh();
        return;
      }
      const code = result?.error ?? "unavailable";
      if (code === "otp-required") {
        setStep("otp");
        return;
      }
      setError(signInMessage(code));
    } catch {
      setError(signInMessage("unavailable"));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      {step === "password" ? (
        <>
          <TextField
            label="Email"
            name="email"
            type="email"
            autoComplete="username"
            required
            autoFocus
            errors={fieldErrors.email}
            defaultValue={email}
          />
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            errors={fieldErrors.password}
          />
        </>
      ) : (
        <>
          <p className="text-sm text-muted">
            Enter the 6-digit code from your authenticator app for{" "}
            <strong className="text-fg">{email}</strong>, or one of your recovery codes.
          </p>
          <TextField
            label="Authentication code"
            name="otp"
            inputMode="text"
            autoComplete="one-time-code"
            required
            autoFocus
            maxLength={20}
          />
        </>
      )}
      <div aria-live="assertive">
        {error ? (
          <p role="alert" className="rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm">
            {error}
          </p>
        ) : null}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Checking…" : step === "password" ? "Sign in" : "Verify"}
      </Button>
      {step === "password" ? (
        <Link
          href="/reset-password"
          className="self-start text-sm font-medium text-accent underline underline-offset-4"
        >
          Forgot your password?
        </Link>
      ) : null}
      {step === "otp" ? (
        <Button
          variant="ghost"
          onClick={() => {
            setStep("password");
            setError(null);
          }}
        >
          Use a different account
        </Button>
      ) : null}
    </form>
  );
}
