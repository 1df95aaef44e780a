import "server-only";

/**
 * The questions eNom's documents leave open (../shared/enom-api.md, "Unknowns"), which the check
 * answers from what eNom actually does. Most need `--write`: only a write can show them.
 */
export const UNKNOWNS = [
  {
    id: "partial-setup",
    question: "When a SetUpPOP3User batch partly fails, does eNom say which names failed?",
    needsWrite: true,
  },
  {
    id: "mailbox-grow",
    question: "Does PurchaseServices ProductType=Mailbox with a ProductID grow that pak, or open a new one?",
    needsWrite: true,
  },
  {
    id: "growth-charge",
    question:
      "What does eNom charge for mailboxes added to a running pak, and until when: whole terms to its expiry, the part of a term left, or one term?",
    needsWrite: true,
  },
  {
    id: "renew-mailbox-pak",
    question: "Does RenewPOPBundle renew a Mailbox pak (ProdType 2011), or only classic 10-paks?",
    needsWrite: true,
  },
  {
    id: "token-length",
    question: "Does eNom accept a pw (an API token) longer than the 20 characters its tables give?",
    needsWrite: false,
  },
  {
    id: "quantity-unit",
    question:
      "What does Quantity mean for ProductType=Mailbox without QuantityUnit (mailboxes, or packs of 10)?",
    needsWrite: true,
  },
  {
    id: "status-flags",
    question: "What do SetPOPForwarding's StatusFlags values (none, 0, 1) really do?",
    needsWrite: true,
  },
] as const;

export type UnknownId = (typeof UNKNOWNS)[number]["id"];

export type UnknownAnswer = {
  id: UnknownId;
  question: string;
  /** `answered`: what eNom did settles it; `partly`: what could be seen, and what could not; `open`: not tried. */
  status: "answered" | "partly" | "open";
  answer: string;
};

/** The final list: every unknown once, with what this run learnt or why it could not. */
export function answerUnknowns(
  learnt: ReadonlyMap<UnknownId, Omit<UnknownAnswer, "id" | "question">>,
  mode: { write: boolean },
): UnknownAnswer[] {
  return UNKNOWNS.map(({ id, question, needsWrite }) => {
    const answer = learnt.get(id);
    if (answer) return { id, question, ...answer };
    return {
      id,
      question,
      status: "open" as const,
      answer:
        needsWrite && !mode.write
          ? "Needs --write --domain <a test domain>: only a write shows it."
          : "Not reached in this run (an earlier step failed; see above).",
    };
  });
}
