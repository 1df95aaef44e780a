import { Skeleton } from "@/components/ui/skeleton";

/**
 * The placeholder of a page while it loads. Used by route-level `loading.tsx` files only where
 * the page cannot answer 404: a loading boundary sends the status before the page runs, so a
 * `notFound()` below it would arrive as a 200.
 */
export function PageSkeleton() {
  return (
    <div role="status" aria-label="Loading">
      <Skeleton className="mb-2 h-8 w-56" />
      <Skeleton className="mb-8 h-4 w-80" />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-28" />
        ))}
      </div>
      <Skeleton className="mt-6 h-64" />
    </div>
  );
}
