import "server-only";
import { randomBytes } from "node:crypto";
import type { DomainEmail, EnomClient, Pak } from "@/lib/enom";
import { passwordProblem } from "@/lib/validation/enom-rules";
import type { Checker, StepRun } from "./checker";
import { allAt, textAt } from "./compare";
import { growthChargeAnswer } from "./growth-charge";
import type { Learnt } from "./run";

/**
 * `--write`: every write command Mailpak sends, once, on a test domain, each read back the way
 * the panel does; the unknowns are settled on the way; then everything made is removed.
 * Purchases and renewals are real on eNom's test account (test money); the check refuses eNom's
 * live system before it gets here (system.ts).
 */
export type WriteContext = {
  client: EnomClient;
  checker: Checker;
  domain: string;
  endUserIp: string;
  learnt: Learnt;
  notes: string[];
  print: (line: string) => void;
};

/** Reserved for documentation (RFC 2606): forwarding there reaches no one. */
const FORWARD_TO = "mailpak-check@example.net";
const MAILBOX_PAK_SIZE = 3;

/** Two mailbox names no one else uses, within DeletePOP3's 16 characters (delete-pop-3.md). */
function testNames(): { a: string; b: string } {
  const tag = randomBytes(3).toString("hex");
  return { a: `mpchk${tag}a`, b: `mpchk${tag}b` };
}

/** A password eNom's current rule accepts for this mailbox (lib/validation/enom-rules.ts). */
function newPassword(userName: string, domain: string): string {
  for (;;) {
    const core = randomBytes(12)
      .toString("base64")
      .replace(/[^A-Za-z0-9]/g, "")
      .slice(0, 10);
    const password = `Q${core}-7`;
    if (!passwordProblem(password, { userName, domain })) return password;
  }
}

const pakOf = (email: DomainEmail | null, bundleId: number): Pak | null =>
  email?.paks.find((pak) => pak.bundleId === bundleId) ?? null;
const hasMailbox = (email: DomainEmail | null, userName: string): boolean =>
  email?.mailboxes.some((mailbox) => mailbox.userName.toLowerCase() === userName.toLowerCase()) ?? false;

export async function runWriteFlow(context: WriteContext): Promise<void> {
  const { client, checker, domain, endUserIp, learnt, notes } = context;
  const { a, b } = testNames();
  const made = { paks: new Set<number>(), mailboxes: new Set<string>() };
  /** The last GetPOP3 result (an object, so that TypeScript follows its changes inside closures). */
  const seen = { email: null as DomainEmail | null };
  let catchAllChanged = false;

  const readPop3 = async (
    why: string,
    expect?: (email: DomainEmail | null) => { ok: boolean; says: string }[],
  ): Promise<StepRun<DomainEmail>> => {
    const run = await checker.step(
      `GetPOP3 of ${domain} (${why})`,
      "GetPOP3",
      () => client.getPop3({ domain }),
      {
        expect: expect ? ({ result }) => expect(result) : undefined,
      },
    );
    if (run.result) seen.email = run.result;
    return run;
  };

  const before = await readPop3("before the writes");
  if (!before.result) {
    notes.push(`GetPOP3 of ${domain} gave no result, so no write was tried.`);
    return;
  }
  const paksBefore = new Set(before.result.paks.map((pak) => pak.bundleId));
  const mailboxesBefore = new Set(before.result.mailboxes.map((mailbox) => mailbox.userName.toLowerCase()));
  const catchAll = await checker.step(`GetCatchAll of ${domain} (before the writes)`, "GetCatchAll", () =>
    client.getCatchAll({ domain }),
  );
  const catchAllBefore = catchAll.result?.catchAll ?? null;

  try {
    // ── A Mailbox pak of 3 mailboxes ────────────────────────────────────────────────────────
    const bought = await checker.step(
      `PurchaseServices ProductType=Mailbox, Quantity=${MAILBOX_PAK_SIZE}, QuantityUnit=boxes, on ${domain}`,
      "PurchaseServices",
      () => client.purchaseServices({ kind: "mailbox", domain, endUserIp, quantity: MAILBOX_PAK_SIZE }),
    );
    for (const bundle of bought.result?.bundles ?? []) made.paks.add(bundle.bundleId);
    const afterBuy = await readPop3("after the purchase", (email) => {
      const fresh = email?.paks.filter((pak) => !paksBefore.has(pak.bundleId)) ?? [];
      return [
        {
          ok: fresh.length === 1 && fresh[0]?.qtyPurchased === MAILBOX_PAK_SIZE,
          says:
            fresh.length === 1
              ? `one new pak, ${fresh[0]?.bundleId}, of ${fresh[0]?.qtyPurchased} mailboxes (seeds/002: "Boxes defines a single mailbox")`
              : `${fresh.length} new paks where one of ${MAILBOX_PAK_SIZE} mailboxes was bought`,
        },
      ];
    });
    const freshPaks = afterBuy.result?.paks.filter((pak) => !paksBefore.has(pak.bundleId)) ?? [];
    for (const pak of freshPaks) made.paks.add(pak.bundleId);
    const pakId = bought.result?.bundles[0]?.bundleId ?? freshPaks[0]?.bundleId;
    const bought3 = freshPaks.find((pak) => pak.bundleId === pakId);
    learnt.set("quantity-unit", {
      status: "partly",
      answer:
        `Not sent: Mailpak's client always sends QuantityUnit, so eNom's default never reaches Mailpak. ` +
        (bought3
          ? `With QuantityUnit=boxes, Quantity=${MAILBOX_PAK_SIZE} bought a pak of ${bought3.qtyPurchased} mailboxes.`
          : "The purchase with QuantityUnit=boxes gave no pak to look at."),
    });
    if (pakId === undefined) {
      notes.push(
        "The Mailbox purchase gave no pak, so the mailbox, forwarding and pak writes were not tried.",
      );
      return;
    }

    // ── Auto-renew off ─────────────────────────────────────────────────────────────────────────
    await checker.step(`SetPakRenew BundleID=${pakId} AutoPakRenew=0`, "SetPakRenew", () =>
      client.setPakRenew({ domain, bundleId: pakId, autoRenew: false }),
    );
    await readPop3("after SetPakRenew", (email) => [
      {
        ok: pakOf(email, pakId)?.autoRenew === false,
        says: `pak ${pakId} AutoRenew is ${pakOf(email, pakId)?.autoRenew ? "1" : "0"} (set to 0)`,
      },
    ]);

    // ── Mailboxes ──────────────────────────────────────────────────────────────────────────────
    const firstPassword = newPassword(a, domain);
    checker.addSecret(firstPassword);
    made.mailboxes.add(a);
    await checker.step(`SetUpPOP3User ${a} in pak ${pakId}`, "SetUpPOP3User", () =>
      client.setUpPop3Users({
        domain,
        bundleId: pakId,
        users: [{ userName: a, password: firstPassword, displayName: "Mailpak check" }],
      }),
    );

    // A batch that can only partly succeed: `a` exists, `b` is new.
    const againPassword = newPassword(a, domain);
    const secondPassword = newPassword(b, domain);
    checker.addSecret(againPassword);
    checker.addSecret(secondPassword);
    made.mailboxes.add(b);
    const partial = await checker.step(
      `SetUpPOP3User ${a} (exists already) and ${b}: a batch that can only partly succeed`,
      "SetUpPOP3User",
      () =>
        client.setUpPop3Users({
          domain,
          bundleId: pakId,
          users: [
            { userName: a, password: againPassword },
            { userName: b, password: secondPassword },
          ],
        }),
      { allowRefusal: true },
    );
    const afterSetUp = await readPop3("after SetUpPOP3User", (email) => [
      { ok: hasMailbox(email, a), says: `${a} exists (made by the first SetUpPOP3User)` },
    ]);
    learnt.set("partial-setup", partialSetUpAnswer(partial, afterSetUp.result, a, b));

    const changedPassword = newPassword(a, domain);
    checker.addSecret(changedPassword);
    await checker.step(`ModifyPOP3 ${a}: a new password and IsAdmin=1 (no BundleID)`, "ModifyPOP3", () =>
      client.modifyPop3Users({ domain, users: [{ userName: a, password: changedPassword, isAdmin: true }] }),
    );
    await readPop3("after ModifyPOP3", (email) => {
      const admin = email?.mailboxes.find((mailbox) => mailbox.userName.toLowerCase() === a)?.isAdmin;
      return [{ ok: admin === true, says: `${a} admin is ${admin ? "1" : "0"} (set to 1)` }];
    });

    // ── Forwarding ─────────────────────────────────────────────────────────────────────────────
    const forwarding = async (why: string, expectForward: boolean) =>
      checker.step(
        `GetPOPForwarding of ${a} (${why})`,
        "GetPOPForwarding",
        () => client.getPopForwarding({ domain, userName: a }),
        {
          expect: ({ result }) => {
            const forward = result?.forwards.find(
              (f) => f.forwardTo.toLowerCase() === FORWARD_TO && f.userName.toLowerCase() === a,
            );
            return [
              expectForward
                ? {
                    ok: Boolean(forward?.active),
                    says: `${a} forwards to ${FORWARD_TO}${forward?.active ? ", active" : ": not listed as active"}`,
                  }
                : {
                    ok: !forward,
                    says: forward ? `${a} still forwards to ${FORWARD_TO}` : `${a} no longer forwards`,
                  },
            ];
          },
        },
      );
    await checker.step(
      `SetPOPForwarding ${a} to ${FORWARD_TO}, Enable=1, StatusFlags=0 (keep a copy)`,
      "SetPOPForwarding",
      () =>
        client.setPopForwarding({ enable: true, domain, userName: a, forwardTo: FORWARD_TO, keepCopy: true }),
    );
    const keepCopy = await forwarding("after StatusFlags=0", true);
    await checker.step(
      `SetPOPForwarding ${a} to ${FORWARD_TO}, Enable=1, StatusFlags=1 (forward only)`,
      "SetPOPForwarding",
      () =>
        client.setPopForwarding({
          enable: true,
          domain,
          userName: a,
          forwardTo: FORWARD_TO,
          keepCopy: false,
        }),
    );
    const forwardOnly = await forwarding("after StatusFlags=1", true);
    learnt.set("status-flags", {
      status: "partly",
      answer:
        `GetPOPForwarding carries no delivery setting (get-pop-forwarding.md: domainname, domainnameid, username, forwardto, active). ` +
        `After StatusFlags=0 it showed ${describeForwards(keepCopy.reply)}; after StatusFlags=1, ${describeForwards(forwardOnly.reply)}. ` +
        `Whether a copy stays in the mailbox shows only in the mailbox: send a message to ${a}@${domain} after each setting.`,
    });
    await checker.step(`SetPOPForwarding ${a}, Enable=0 (delete the forward)`, "SetPOPForwarding", () =>
      client.setPopForwarding({ enable: false, domain, userName: a, forwardTo: FORWARD_TO }),
    );
    await forwarding("after Enable=0", false);

    // ── Catch-all ──────────────────────────────────────────────────────────────────────────────
    const catchAllTarget = `${a}@${domain}`;
    catchAllChanged = true;
    await checker.step(`SetCatchAll ForwardTo=${catchAllTarget}`, "SetCatchAll", () =>
      client.setCatchAll({ domain, forwardTo: catchAllTarget }),
    );
    await checker.step(
      `GetCatchAll of ${domain} (after SetCatchAll)`,
      "GetCatchAll",
      () => client.getCatchAll({ domain }),
      {
        expect: ({ result }) => [
          {
            ok: result?.catchAll?.toLowerCase() === catchAllTarget,
            says: `the catch-all reads back as ${result?.catchAll ?? "nothing"} (set to ${catchAllTarget})`,
          },
        ],
      },
    );

    // ── A pak with mailboxes cannot be deleted ─────────────────────────────────────────────────
    await checker.step(
      `DeletePOPPak ${pakId} while it holds mailboxes`,
      "DeletePOPPak",
      () => client.deletePopPak({ domain, bundleId: pakId }),
      {
        expectRefusal:
          'as delete-pop-pak.md says: "The pak must have no user email accounts currently configured"',
      },
    );
    const afterRefusal = await readPop3("after the refused DeletePOPPak", (email) => [
      {
        ok: pakOf(email, pakId) !== null && hasMailbox(email, a),
        says: `pak ${pakId} and ${a} are still there`,
      },
    ]);
    if (afterRefusal.result && !pakOf(afterRefusal.result, pakId)) made.paks.delete(pakId);

    // ── Renewals ───────────────────────────────────────────────────────────────────────────────
    const expiresBefore = pakOf(seen.email, pakId)?.expires.iso ?? null;
    const renewMailbox = await checker.step(
      `RenewPOPBundle PakID=${pakId} (a Mailbox pak), Quantity=1`,
      "RenewPOPBundle",
      () => client.renewPopBundle({ domain, pakId, years: 1 }),
      { allowRefusal: true },
    );
    const afterRenew = await readPop3("after RenewPOPBundle on the Mailbox pak");
    learnt.set(
      "renew-mailbox-pak",
      renewAnswer(renewMailbox, expiresBefore, pakOf(afterRenew.result, pakId)),
    );

    const beforeServiceRenew = pakOf(seen.email, pakId);
    await checker.step(
      `PurchaseServices ProductType=Mailbox ActionType=Renew ProductID=${pakId}`,
      "PurchaseServices",
      () =>
        client.purchaseServices({
          kind: "mailbox",
          domain,
          endUserIp,
          action: "renew",
          productId: pakId,
          quantity: beforeServiceRenew?.qtyPurchased || MAILBOX_PAK_SIZE,
        }),
    );
    await readPop3("after the Mailbox renewal", (email) => {
      const now = pakOf(email, pakId)?.expires.iso;
      const then = beforeServiceRenew?.expires.iso;
      return [
        {
          ok: Boolean(now && then && now > then),
          says: `pak ${pakId} expires ${now ?? "?"} (was ${then ?? "?"}; seeds/000: ActionType=Renew renews it)`,
        },
      ];
    });

    // ── Growing a Mailbox pak ──────────────────────────────────────────────────────────────────
    const beforeGrow = seen.email;
    const grow = await checker.step(
      `PurchaseServices ProductType=Mailbox ProductID=${pakId} Quantity=1 QuantityUnit=boxes (grow the pak?)`,
      "PurchaseServices",
      () =>
        client.purchaseServices({
          kind: "mailbox",
          domain,
          endUserIp,
          action: "create",
          productId: pakId,
          quantity: 1,
        }),
      { allowRefusal: true },
    );
    for (const bundle of grow.result?.bundles ?? [])
      if (bundle.bundleId !== pakId) made.paks.add(bundle.bundleId);
    const afterGrow = await readPop3("after the grow");
    for (const pak of afterGrow.result?.paks ?? [])
      if (!paksBefore.has(pak.bundleId)) made.paks.add(pak.bundleId);
    learnt.set("mailbox-grow", growAnswer(grow, beforeGrow, afterGrow.result, pakId));
    learnt.set(
      "growth-charge",
      growthChargeAnswer({
        today: new Date().toISOString().slice(0, 10),
        purchase: { amountCents: bought.result?.orderAmount?.cents ?? null, mailboxYears: MAILBOX_PAK_SIZE },
        grow: {
          refusal: grow.report.refusal?.errors ?? null,
          amountCents: grow.result?.orderAmount?.cents ?? null,
          mailboxes: 1,
        },
        expiresBefore: pakOf(beforeGrow, pakId)?.expires.iso ?? null,
        expiresAfter: pakOf(afterGrow.result, pakId)?.expires.iso ?? null,
        bundleExpires:
          (grow.result?.bundles.find((bundle) => bundle.bundleId === pakId) ?? grow.result?.bundles[0])
            ?.expires?.iso ?? null,
      }),
    );

    // ── A classic 10-pak, bought and renewed ───────────────────────────────────────────────────
    const paksBeforeClassic = new Set(seen.email?.paks.map((pak) => pak.bundleId) ?? []);
    const classic = await checker.step(`PurchasePOPBundle Quantity=1 on ${domain}`, "PurchasePOPBundle", () =>
      client.purchasePopBundle({ domain, quantity: 1 }),
    );
    for (const id of classic.result?.bundleIds ?? []) made.paks.add(id);
    const afterClassic = await readPop3("after PurchasePOPBundle", (email) => {
      const fresh = email?.paks.filter((pak) => !paksBeforeClassic.has(pak.bundleId)) ?? [];
      return [
        {
          ok: fresh.length === 1 && fresh[0]?.qtyPurchased === 10,
          says: `${fresh.length} new pak(s)${fresh[0] ? `, ${fresh[0].bundleId} of ${fresh[0].qtyPurchased}` : ""} (purchase-pop-bundle.md: one 10-pak)`,
        },
      ];
    });
    const classicId =
      classic.result?.bundleIds[0] ??
      afterClassic.result?.paks.find((pak) => !paksBeforeClassic.has(pak.bundleId))?.bundleId;
    if (classicId !== undefined) {
      made.paks.add(classicId);
      const then = pakOf(seen.email, classicId)?.expires.iso;
      await checker.step(
        `RenewPOPBundle PakID=${classicId} (a classic 10-pak), Quantity=1`,
        "RenewPOPBundle",
        () => client.renewPopBundle({ domain, pakId: classicId, years: 1 }),
      );
      await readPop3("after RenewPOPBundle on the 10-pak", (email) => {
        const now = pakOf(email, classicId)?.expires.iso;
        return [
          {
            ok: Boolean(now && then && now > then),
            says: `pak ${classicId} expires ${now ?? "?"} (was ${then ?? "?"}; renew-pop-bundle.md renews a 10-pak)`,
          },
        ];
      });
    }
  } finally {
    await cleanUp();
  }

  async function cleanUp(): Promise<void> {
    if (catchAllChanged) {
      if (catchAllBefore) {
        const restore = catchAllBefore;
        await checker.step(`SetCatchAll ForwardTo=${restore} (put back)`, "SetCatchAll", () =>
          client.setCatchAll({ domain, forwardTo: restore }),
        );
      } else
        notes.push(
          `The catch-all of ${domain} is left at ${a}@${domain}: it had none before, and no eNom document shows how to clear one (set-catch-all.md requires ForwardTo). Clear it in eNom's control panel.`,
        );
    }
    const now = await readPop3("before cleaning up");
    const email = now.result ?? seen.email;
    const ours = [...made.mailboxes].filter((name) => hasMailbox(email, name) && !mailboxesBefore.has(name));
    if (ours.length > 0)
      await checker.step(`DeletePOP3 ${ours.join(", ")}`, "DeletePOP3", () =>
        client.deletePop3Users({ domain, userNames: ours }),
      );
    const paksLeft = [...made.paks].filter((id) => !paksBefore.has(id) && pakOf(email, id));
    const last = paksLeft.at(-1);
    for (const id of paksLeft) {
      if (id === last && paksBefore.size === 0) {
        // The domain had no pak before: only ours are left, so DeleteAllPOPPaks is safe to try.
        await checker.step(`DeleteAllPOPPaks on ${domain} (it had no pak before)`, "DeleteAllPOPPaks", () =>
          client.deleteAllPopPaks({ domain }),
        );
      } else {
        await checker.step(`DeletePOPPak ${id} (now empty)`, "DeletePOPPak", () =>
          client.deletePopPak({ domain, bundleId: id }),
        );
      }
    }
    const after = await readPop3("after cleaning up", (result) => {
      const paks = new Set(result?.paks.map((pak) => pak.bundleId) ?? []);
      const names = new Set(result?.mailboxes.map((mailbox) => mailbox.userName.toLowerCase()) ?? []);
      const extraPaks = [...paks].filter((id) => !paksBefore.has(id));
      const extraNames = [...names].filter((name) => !mailboxesBefore.has(name));
      return [
        {
          ok: result !== null && extraPaks.length === 0 && extraNames.length === 0,
          says:
            extraPaks.length + extraNames.length === 0
              ? `${domain} is back to its paks and mailboxes of before`
              : `left on ${domain}: ${[...extraPaks.map((id) => `pak ${id}`), ...extraNames].join(", ")}`,
        },
      ];
    });
    if (!after.result)
      notes.push(
        `Could not read ${domain} after cleaning up: look in eNom's control panel for paks and mailboxes named mpchk….`,
      );
  }
}

function describeForwards(reply: StepRun<unknown>["reply"]): string {
  const records = allAt(reply, "popforwarding");
  if (records.length === 0) return "no <popforwarding> record";
  return records
    .map((record) => `{${record.children.map((child) => `${child.name}=${child.text}`).join(", ")}}`)
    .join(" ");
}

function partialSetUpAnswer(
  run: StepRun<{ succeeded: string[]; failed: { userName: string; reason: string }[]; unknown: string[] }>,
  after: DomainEmail | null,
  a: string,
  b: string,
) {
  const reply = run.reply;
  const field = (name: string) => textAt(reply, name) ?? "(none)";
  const errors = allAt(reply, "errors").flatMap((errorList) => errorList.children.map((err) => err.text));
  const undocumented = run.report.differences.filter((d) => d.kind === "extra").map((d) => `<${d.path}>`);
  const named = [...undocumented, ...errors].some((text) => text.toLowerCase().includes(a));
  const client = run.result
    ? `Mailpak's client read it as succeeded [${run.result.succeeded.join(", ")}], failed [${run.result.failed.map((f) => f.userName).join(", ")}], unknown [${run.result.unknown.join(", ")}].`
    : "";
  return {
    status: "answered" as const,
    answer:
      `eNom answered ErrCount=${field("ErrCount")}, AccountsCreated=${field("AccountsCreated")}, AccountsFailed=${field("AccountsFailed")}` +
      `${errors.length ? ` (${errors.join("; ")})` : ""}; ` +
      (named
        ? `the failed name appears in its reply${undocumented.length ? ` (${undocumented.join(", ")})` : ""}`
        : "no element of the reply names the failed user") +
      `; GetPOP3 afterwards shows ${b} ${hasMailbox(after, b) ? "created" : "not created"}. ${client}`.trim(),
  };
}

function renewAnswer(run: StepRun<{ orderId: number }>, before: string | null, after: Pak | null) {
  if (run.report.refusal)
    return {
      status: "answered" as const,
      answer: `No: eNom refused it (${run.report.refusal.errors.join("; ")}).`,
    };
  if (!run.result && !run.reply)
    return { status: "open" as const, answer: "eNom did not answer the renewal." };
  const now = after?.expires.iso ?? null;
  if (now && before && now > before)
    return {
      status: "answered" as const,
      answer: `Yes: the Mailbox pak's ExpDate moved from ${before} to ${now}.`,
    };
  return {
    status: "answered" as const,
    answer: `eNom accepted it (orderid ${textAt(run.reply, "orderid") ?? "?"}) but the pak's ExpDate stayed ${now ?? "unknown"} (was ${before ?? "unknown"}): it does not renew Mailbox paks.`,
  };
}

function growAnswer(
  run: StepRun<unknown>,
  before: DomainEmail | null,
  after: DomainEmail | null,
  pakId: number,
) {
  if (run.report.refusal)
    return {
      status: "answered" as const,
      answer: `eNom refused it (${run.report.refusal.errors.join("; ")}).`,
    };
  if (!after || !before)
    return { status: "open" as const, answer: "GetPOP3 did not answer around the purchase." };
  const was = pakOf(before, pakId)?.qtyPurchased;
  const is = pakOf(after, pakId)?.qtyPurchased;
  const opened = after.paks.filter((pak) => !pakOf(before, pak.bundleId));
  if (opened.length > 0)
    return {
      status: "answered" as const,
      answer: `It opens a new pak (${opened.map((pak) => `${pak.bundleId} of ${pak.qtyPurchased}`).join(", ")}); pak ${pakId} went from ${was} to ${is} mailboxes.`,
    };
  if (was !== undefined && is !== undefined && is > was)
    return {
      status: "answered" as const,
      answer: `It grows the pak: ${pakId} went from ${was} to ${is} mailboxes, no new pak.`,
    };
  return {
    status: "answered" as const,
    answer: `Neither: eNom accepted it, but pak ${pakId} stayed at ${is ?? "?"} mailboxes and no pak was added.`,
  };
}
