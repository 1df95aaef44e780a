import "server-only";
import { logger } from "@/lib/logger";

/**
 * A CSV file streamed to the browser as a download, chunk by chunk as `chunks` yields them, so an
 * export of any length holds one page in memory. `what` names the export in the log.
 */
export function csvDownload(chunks: AsyncGenerator<string>, filename: string, what: string): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        // Headers are gone by now; a cut-off download is the only signal left to the browser.
        logger.error({ err: error }, `${what} export failed mid-stream`);
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Cache-Control": "no-store",
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
