import type { Branding } from "@/lib/branding/branding";
import { accentPalette } from "@/lib/branding/contrast";
import type { MailContent } from "../message";

/**
 * The frame every email shares: the reseller's product name and accent colour, one heading, a few
 * paragraphs, at most one button, and a footer with the support contact. Simple HTML (tables and
 * inline styles, as mail clients need) in the reading order of the plain-text part, with a real
 * <h1>, lang and a visible link under the button for clients and readers that skip buttons.
 */
export interface EmailBody {
  subject: string;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Paragraphs after the button (what happens if you ignore this email, etc.). */
  after?: string[];
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** "Need help? Email help@example.com or visit https://…", from whatever the reseller filled in. */
export function supportLine(branding: Branding): string | null {
  const ways = [
    branding.supportEmail ? `email ${branding.supportEmail}` : null,
    branding.supportUrl ? `visit ${branding.supportUrl}` : null,
  ].filter(Boolean);
  return ways.length ? `Need help? ${capitalise(ways.join(" or "))}.` : null;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function renderEmail(branding: Branding, body: EmailBody): MailContent {
  const footer = [supportLine(branding), branding.footerText || null].filter((line): line is string =>
    Boolean(line),
  );
  const text = [
    body.heading,
    "",
    ...body.paragraphs.flatMap((paragraph) => [paragraph, ""]),
    ...(body.action ? [`${body.action.label}: ${body.action.url}`, ""] : []),
    ...(body.after ?? []).flatMap((paragraph) => [paragraph, ""]),
    "--",
    branding.productName,
    ...footer,
  ].join("\n");

  // The light theme's readable shade of the accent, with its button text (contrast.ts).
  const { accent, accentFg } = accentPalette(
    /^#[0-9a-f]{6}$/i.test(branding.accentColor) ? branding.accentColor : "#2563eb",
  ).light;
  const paragraph = (content: string) =>
    `<p style="margin:0 0 16px;font-size:16px;line-height:1.5;color:#1f2933;">${escapeHtml(content)}</p>`;
  const button = body.action
    ? `<p style="margin:24px 0 8px;"><a href="${escapeHtml(body.action.url)}" style="display:inline-block;background:${accent};color:${accentFg};text-decoration:none;font-weight:600;font-size:16px;padding:12px 20px;border-radius:6px;">${escapeHtml(body.action.label)}</a></p>` +
      `<p style="margin:0 0 16px;font-size:14px;line-height:1.5;color:#52606d;">Or open this link: <a href="${escapeHtml(body.action.url)}" style="color:${accent};word-break:break-all;">${escapeHtml(body.action.url)}</a></p>`
    : "";
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(body.subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f4f5f7;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px;border-top:4px solid ${accent};">
<tr><td style="padding:24px;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;">
<p style="margin:0 0 16px;font-size:14px;font-weight:600;color:#52606d;">${escapeHtml(branding.productName)}</p>
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;color:#1f2933;">${escapeHtml(body.heading)}</h1>
${body.paragraphs.map(paragraph).join("\n")}
${button}
${(body.after ?? []).map(paragraph).join("\n")}
</td></tr>
<tr><td style="padding:16px 24px;border-top:1px solid #e4e7eb;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:13px;line-height:1.5;color:#52606d;">
<p style="margin:0;">${escapeHtml(branding.productName)}</p>
${footer.map((line) => `<p style="margin:4px 0 0;">${escapeHtml(line)}</p>`).join("\n")}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
  return { subject: body.subject, text, html };
}
