import { z } from "zod";
import { bundleIdSchema, domainNameSchema } from "@/lib/validation/paks";

/**
 * A pak's nickname ("Sales team"), given by staff and shown wherever the pak is named. Pure: the
 * rename form checks it in the browser with the same schema the action parses on the server.
 */
export const PAK_NICKNAME_MAX = 40;

/** Control characters (line breaks, tabs, …) and the invisible marks that reverse text direction. */
const CONTROL = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** 1–40 characters after trimming, on one line; exactly "" clears the nickname. */
export const pakNicknameSchema = z
  .string("Enter a nickname.")
  .max(400, `A nickname has at most ${PAK_NICKNAME_MAX} characters.`)
  .refine((value) => value === "" || value.trim() !== "", {
    message: "Enter a nickname, or remove it.",
  })
  .refine((value) => !CONTROL.test(value.trim()), {
    message: "A nickname is one line of plain text: no line breaks, tabs or control characters.",
  })
  .transform((value) => value.trim())
  .refine((value) => [...value].length <= PAK_NICKNAME_MAX, {
    message: `A nickname has at most ${PAK_NICKNAME_MAX} characters.`,
  });

export const setPakNicknameSchema = z.object({
  domain: domainNameSchema,
  bundleId: bundleIdSchema,
  /** The new nickname; empty to remove it. */
  nickname: pakNicknameSchema,
});
export type SetPakNicknameInput = z.input<typeof setPakNicknameSchema>;
