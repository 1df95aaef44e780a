import type { ReactNode } from "react";

/** The centred card of the signed-out pages (sign-in, reset password). */
export function AuthFrame({
  productName,
  title,
  description,
  children,
}: {
  productName: string;
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <main id="main" className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <p className="mb-6 text-lg font-semibold">{productName}</p>
        <div className="rounded-lg border border-line bg-surface p-6 shadow-sm">
          <h1 className="mb-1 text-xl font-semibold">{title}</h1>
          {description ? <div className="mb-5 text-sm text-muted">{description}</div> : null}
          {children}
        </div>
      </div>
    </main>
  );
}
