import { Skeleton } from "@/components/ui/skeleton";

/**
 * Placeholders while eNom is read. They sit in Suspense boundaries inside the pages, after the
 * access checks, rather than in route-level loading.tsx files: a loading boundary would send the
 * 200 status before the page could answer 404 for someone else's domain.
 */
export function DomainListSkeleton() {
  return (
    <div role="status" aria-label="Loading the domains">
      <Skeleton className="mb-2 h-4 w-72 max-w-full" />
      <div className="rounded-lg border border-line bg-surface p-3">
        {Array.from({ length: 12 }, (_, i) => (
          <Skeleton key={i} className="mb-3 h-6 last:mb-0" />
        ))}
      </div>
    </div>
  );
}

export function DomainEmailSkeleton() {
  return (
    <div role="status" aria-label="Loading the domain's email" className="flex flex-col gap-6">
      <div className="rounded-lg border border-line bg-surface p-5">
        <Skeleton className="mb-4 h-5 w-32" />
        <div className="grid gap-4 md:grid-cols-2">
          <Skeleton className="h-48" />
          <Skeleton className="h-48" />
        </div>
      </div>
      <Skeleton className="h-64" />
      <Skeleton className="h-40" />
    </div>
  );
}
