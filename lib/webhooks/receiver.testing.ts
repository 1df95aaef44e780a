import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { verifyWebhookSignature, type WebhookVerification } from "./signature";

/**
 * A webhook receiver on loopback for tests: it records every request (headers and raw body),
 * verifies each signature with the endpoint's secret once it is known, and answers with the
 * status `answer` picks for the nth request (1-based).
 */

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
  verification: WebhookVerification | null;
}

export interface TestReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Set once the endpoint's secret is known, to verify what arrives. */
  secret: string | null;
  answer: (nth: number, body: string) => number;
  close(): Promise<void>;
}

export async function startTestReceiver(
  answer: (nth: number, body: string) => number = () => 204,
  path = "/hooks/mailpak",
): Promise<TestReceiver> {
  const receiver: TestReceiver = {
    url: "",
    received: [],
    secret: null,
    answer,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const status = receiver.answer(receiver.received.length + 1, body);
      receiver.received.push({
        headers: request.headers,
        body,
        status,
        verification: receiver.secret
          ? verifyWebhookSignature({ secret: receiver.secret, headers: request.headers, body })
          : null,
      });
      response.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "not now");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  return receiver;
}
