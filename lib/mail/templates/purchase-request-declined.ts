import type { Branding } from "@/lib/branding/branding";
import { usd } from "@/lib/purchases/spending-model";
import type { MailContent } from "../message";
import { renderEmail } from "./layout";

export interface DeclinedRequest {
  summary: string;
  retailCents: number | null;
  /** What staff wrote when declining; may be empty. */
  note: string;
  requestsUrl: string;
}

/** A customer's purchase or renewal request was declined by its provider: nothing was bought. */
export function purchaseRequestDeclinedEmail(branding: Branding, request: DeclinedRequest): MailContent {
  const price = request.retailCents === null ? "" : ` (${usd(request.retailCents)})`;
  return renderEmail(branding, {
    subject: `Not approved: ${request.summary}`,
    heading: "Your request was not approved",
    paragraphs: [
      `Your provider did not approve your request on ${branding.productName}: ${request.summary}${price}.`,
      ...(request.note ? [`Their note: ${request.note}`] : []),
      "Nothing was bought and nothing will be charged for it.",
    ],
    action: { label: "See your requests", url: request.requestsUrl },
  });
}
