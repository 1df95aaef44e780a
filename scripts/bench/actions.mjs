// Calling the panel's server actions the way its pages do (POST with a `next-action` header), so
// a benchmark or the soak exercises the real action envelope: guard, validation, eNom, audit.
import { readFileSync } from "node:fs";
import path from "node:path";
import { DIST_DIR, root } from "./lib.mjs";

/** Action ids from the build's server reference manifest, by exported name. */
export function actionIds() {
  const manifest = JSON.parse(
    readFileSync(path.join(root, DIST_DIR, "server/server-reference-manifest.json"), "utf8"),
  );
  const ids = {};
  for (const [id, entry] of Object.entries(manifest.node ?? {}))
    if (entry.exportedName) ids[entry.exportedName] = { id, pages: Object.keys(entry.workers ?? {}) };
  return ids;
}

/**
 * Calls a server action with one argument; returns { status, result } where result is the
 * action's ActionResult (null when the answer carried none). `page` is a URL path of a page that
 * uses the action (Next only runs actions from the pages that import them).
 */
export async function callAction({ origin, cookie, page, id, input, signal }) {
  const response = await fetch(`${origin}${page}`, {
    method: "POST",
    headers: {
      cookie,
      origin,
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
      "next-action": id,
    },
    body: JSON.stringify([input]),
    redirect: "manual",
    signal,
  });
  const text = await response.text();
  return { status: response.status, result: actionResultOf(text) };
}

/** The action's return value in the RSC answer: the row `1:{…}` (row 0 is the envelope). */
function actionResultOf(text) {
  for (const line of text.split("\n")) {
    const match = /^1:(\{.*\})$/.exec(line);
    if (!match) continue;
    try {
      return JSON.parse(match[1]);
    } catch {
      return null;
    }
  }
  return null;
}
