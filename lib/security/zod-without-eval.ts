// The core's `config` alone: importing `z` here would put all of zod in every page's first load.
import { config } from "zod/v4/core";

/**
 * zod compiles object parsers with `new Function` when it may; in the browser the Content Security
 * Policy forbids eval, and zod's probe for it would be reported as a violation on every page. The
 * browser parses forms without it; the server keeps the compiled parsers.
 */
if (typeof window !== "undefined") config({ jitless: true });
