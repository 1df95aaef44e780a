import { Skeleton } from "@/components/ui/skeleton";

/** While the domains are read. */
export function PortalHomeSkeleton() {
  return (
    <div role="status" className="flex flex-col gap-6">
      <span className="sr-only">Loading your domains…</span>
      <Skeleton className="h-9 w-48" />
      <div className="grid gap-3 sm:grid-cols-2">
        {Array.from({ length: 4 }, (_, index) => (
          <Skeleton key={index} className="h-40" />
        ))}
      </div>
    </div>
  );
}
