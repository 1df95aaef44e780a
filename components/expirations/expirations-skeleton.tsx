import { Skeleton } from "@/components/ui/skeleton";

export function ExpirationsSkeleton() {
  return (
    <div role="status" aria-label="Loading the expirations" className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 2xl:grid-cols-6">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-28" />
        ))}
      </div>
      <Skeleton className="h-80" />
      <Skeleton className="h-96" />
    </div>
  );
}
