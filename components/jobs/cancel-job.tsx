"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/use-action";
import { cancelJobAction } from "@/lib/actions/jobs";
import { jobQueryKeys } from "@/lib/jobs/model";

/**
 * Cancels a waiting or running job, after asking once: items not yet sent are not sent; an item
 * already with the email service is left to finish, so its true outcome is still recorded.
 */
export function CancelJob({ runId }: { runId: string }) {
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const cancel = useAction(cancelJobAction, {
    onSuccess: (_data, result) => {
      setAsking(false);
      setDone(result.message ?? "Cancelled.");
      void queryClient.invalidateQueries({ queryKey: jobQueryKeys.run(runId) });
      void queryClient.invalidateQueries({ queryKey: jobQueryKeys.runs() });
    },
  });

  return (
    <div className="flex flex-col gap-2">
      <div role="status" aria-live="polite" className="text-sm">
        {done ?? (cancel.error ? <span className="text-danger">{cancel.error}</span> : null)}
      </div>
      {done ? null : asking ? (
        <div role="group" aria-labelledby={`cancel-${runId}`} className="flex flex-col gap-2">
          <p id={`cancel-${runId}`} className="text-sm">
            Cancel this job? Items not yet sent will not be sent; an item the email service is already working
            on is left to finish.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button variant="danger" disabled={cancel.pending} onClick={() => void cancel.run({ runId })}>
              {cancel.pending ? "Cancelling…" : "Yes, cancel the job"}
            </Button>
            <Button variant="secondary" disabled={cancel.pending} onClick={() => setAsking(false)}>
              Keep it running
            </Button>
          </div>
        </div>
      ) : (
        <div>
          <Button variant="secondary" onClick={() => setAsking(true)}>
            Cancel job
          </Button>
        </div>
      )}
    </div>
  );
}
