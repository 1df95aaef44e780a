import "server-only";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { createEnomClient } from "@/lib/enom";
import { Checker } from "./checker";
import { allAt } from "./compare";
import { type CheckReport, formatSummary, formatUnknowns, stepOk } from "./report";
import { assertWritable, describeSystem } from "./system";
import { answerUnknowns, type UnknownAnswer, type UnknownId } from "./unknowns";
import { runWriteFlow } from "./write-flow";

export type CheckSettings = {
  baseUrl: string;
  uid: string;
  /** The eNom password or API token. Sent by the client only; never saved, whatever eNom echoes. */
  pw: string;
  /** The domain to read (and, with `write`, to change); without it, the first domain with a pak. */
  domain: string | null;
  /** Run every write command on `domain` and clean up (never against eNom's live system). */
  write: boolean;
  /** Where every reply is saved, passwords removed. */
  outDir: string;
  /** EndUserIP for purchases (seeds/000 requires one with ProductType). */
  endUserIp: string;
  timeoutMs?: number;
  print?: (line: string) => void;
};

export class CheckUsageError extends Error {
  override readonly name = "CheckUsageError";
}

/** Error numbers after which nothing else can work (bad login, IP not allowed: enom-api.md "The wire"). */
const STOPPING_NUMBERS = new Map([
  [304155, "eNom refused the login: check ENOM_UID and ENOM_PW (or the API token)."],
  [713254, "eNom does not accept calls from this IP address: allow it in eNom's API settings."],
]);

export type Learnt = Map<UnknownId, Omit<UnknownAnswer, "id" | "question">>;

/**
 * `npm run enom:check`: talks to eNom only through Mailpak's client, compares every raw reply with
 * eNom's documented shape (documented.ts), saves the replies and answers the documents' unknowns.
 */
export async function runEnomCheck(settings: CheckSettings): Promise<CheckReport> {
  if (settings.write) {
    assertWritable(settings.baseUrl);
    if (!settings.domain)
      throw new CheckUsageError(
        "--write needs --domain <a test domain of the account>: the check buys, changes and deletes email on it.",
      );
  }
  const print = settings.print ?? (() => undefined);
  const startedAt = new Date().toISOString();
  const checker = new Checker(settings.outDir, [settings.pw], print);
  const client = createEnomClient({
    baseUrl: settings.baseUrl,
    uid: settings.uid,
    pw: settings.pw,
    timeoutMs: settings.timeoutMs,
    readCacheTtlMs: 0,
    onRawReply: checker.onRawReply,
  });
  const learnt: Learnt = new Map();
  const notes: string[] = [];
  let domain = settings.domain;

  print(`eNom conformance check: ${settings.baseUrl} (${describeSystem(settings.baseUrl)})`);
  print(
    settings.write
      ? `Mode: --write on ${domain}: buys a small Mailbox pak and a 10-pak, renews them, sets up, changes and deletes mailboxes, forwarding and the catch-all, then removes what it made.`
      : "Mode: read-only (nothing is changed at eNom).",
  );
  print("");

  const balance = await checker.step("GetBalance", "GetBalance", () => client.getBalance());
  learnt.set(
    "token-length",
    tokenLengthAnswer(settings.pw.length, balance.result !== null, balance.report.refusal),
  );
  const stop = balance.report.refusal?.numbers.map((n) => STOPPING_NUMBERS.get(n)).find(Boolean);
  if (stop || (balance.report.outcome === "no-reply" && balance.result === null)) {
    notes.push(stop ?? "eNom did not answer GetBalance; nothing else was tried.");
    return finish();
  }

  // Mailpak reads both tabs eNom sells email for (seeds/000): registered here, and DNS-hosted here.
  for (const tab of ["IOwn", "IHost"] as const)
    await checker.step(`GetDomains Tab=${tab}, the first page (Display=100)`, "GetDomains", () =>
      client.getDomains({ tab, pageSize: 100, maxPages: 1 }),
    );
  const expirations = await checker.step("GetPOPExpirations", "GetPOPExpirations", () =>
    client.getPopExpirations(),
  );
  domain ??=
    expirations.result?.paks[0]?.domainName ??
    allAt(expirations.reply, "popexpirations/pop/domain")[0]?.text ??
    null;

  if (!domain) {
    notes.push(
      "No --domain and no domain of the account has a pak: GetPOP3, GetCatchAll and GetPOPForwarding were not checked.",
    );
  } else {
    const name = domain;
    const pop3 = await checker.step(`GetPOP3 of ${name}`, "GetPOP3", () => client.getPop3({ domain: name }));
    await checker.step(`GetCatchAll of ${name}`, "GetCatchAll", () => client.getCatchAll({ domain: name }));
    const firstMailbox =
      pop3.result?.mailboxes[0]?.userName ?? allAt(pop3.reply, "pop/username")[0]?.text ?? null;
    if (firstMailbox)
      await checker.step(`GetPOPForwarding of ${firstMailbox}@${name}`, "GetPOPForwarding", () =>
        client.getPopForwarding({ domain: name, userName: firstMailbox }),
      );
    else if (!settings.write)
      notes.push(`${name} has no mailbox: GetPOPForwarding was not checked (its UserName is required).`);
    // The mail-delivery check and its fix, and the aliases: their shapes are partly unknown
    // (docs/enom.md, "Unknowns of host records and aliases"). Reads only.
    const dns = await checker.step(`GetDNS of ${name}`, "GetDNS", () => client.getDns({ domain: name }));
    await checker.step(`GetMailHosts of ${name}`, "GetMailHosts", () =>
      client.getMailHosts({ domain: name }),
    );
    if (dns.result?.usesEnomNameServers !== false) {
      await checker.step(`GetHosts of ${name}`, "GetHosts", () => client.getHosts({ domain: name }));
      await checker.step(`GetForwarding of ${name}`, "GetForwarding", () =>
        client.getDomainForwarding({ domain: name }),
      );
    } else notes.push(`${name} uses other name servers: GetHosts and GetForwarding were not checked.`);
  }

  // An error reply, safely: a domain no account holds (enom-samples/error-with-responses.xml).
  const stranger = `mailpak-check-${randomBytes(5).toString("hex")}.com`;
  await checker.step(
    `GetPOP3 of ${stranger} (no such domain: eNom's error reply)`,
    "GetPOP3",
    () => client.getPop3({ domain: stranger }),
    {
      expectRefusal: "as for any domain not in the account",
      expect: ({ reply }) => {
        const numbers = allAt(reply, "responses/response/ResponseNumber").map((n) => n.text);
        return [
          {
            ok: numbers.includes("316153"),
            says: numbers.includes("316153")
              ? "ResponseNumber 316153, domain not found (enom-samples/error-with-responses.xml)"
              : `ResponseNumber ${numbers.join(", ") || "none"} where eNom's sample has 316153 (domain not found)`,
          },
        ];
      },
    },
  );

  if (settings.write && domain)
    await runWriteFlow({ client, checker, domain, endUserIp: settings.endUserIp, learnt, notes, print });

  return finish();

  function finish(): CheckReport {
    const unknowns = answerUnknowns(learnt, { write: settings.write });
    const report: CheckReport = {
      startedAt,
      baseUrl: settings.baseUrl,
      system: describeSystem(settings.baseUrl),
      mode: settings.write ? "write" : "read-only",
      domain,
      outDir: settings.outDir,
      steps: checker.steps,
      unknowns,
      notes,
      ok: checker.steps.length > 0 && checker.steps.every(stepOk),
    };
    const tail = [...formatUnknowns(unknowns), ...formatSummary(report)];
    for (const line of tail) print(line);
    writeFileSync(path.join(settings.outDir, "report.json"), `${JSON.stringify(report, null, 2)}\n`, {
      mode: 0o600,
    });
    return report;
  }
}

function tokenLengthAnswer(
  length: number,
  accepted: boolean,
  refusal: { errors: string[]; numbers: number[] } | null,
): Omit<UnknownAnswer, "id" | "question"> {
  if (accepted && length > 20)
    return {
      status: "answered",
      answer: `Yes: ENOM_PW has ${length} characters and eNom accepted it (GetBalance answered).`,
    };
  if (accepted)
    return {
      status: "partly",
      answer: `ENOM_PW has ${length} characters, within the documented 20, and eNom accepted it; run again with an API token to settle longer ones.`,
    };
  if (refusal?.numbers.includes(304155))
    return {
      status: "partly",
      answer: `eNom refused the login with a ${length}-character ENOM_PW (304155): a wrong token or password, or a length eNom does not take.`,
    };
  if (refusal)
    return {
      status: "open",
      answer: `eNom refused GetBalance (${refusal.errors.join("; ") || "no text"}) before the login could tell.`,
    };
  return { status: "open", answer: "GetBalance did not answer, so the login was not tried." };
}
