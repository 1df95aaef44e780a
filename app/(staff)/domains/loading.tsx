import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div role="status" aria-label="Loading the domains">
      <Skeleton className="mb-2 h-8 w-40" />
      <Skeleton className="mb-6 h-4 w-96 max-w-full" />
      <Skeleton className="mb-4 h-40" />
      <div className="rounded-lg border border-line bg-surface p-3">
        {Array.from({ length: 10 }, (_, i) => (
          <Skeleton key={i} className="mb-3 h-6 last:mb-0" />
        ))}
      </div>
    </div>
  );
}
