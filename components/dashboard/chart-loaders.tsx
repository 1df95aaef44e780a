"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

/** recharts is loaded after the page, in the browser only, so it does not weigh on the first load. */
export const RenewalOutlookChartLoader = dynamic(() => import("./renewal-outlook-chart"), {
  ssr: false,
  loading: () => <Skeleton className="h-64 w-full" />,
});

export const GrowthChartLoader = dynamic(() => import("./growth-chart"), {
  ssr: false,
  loading: () => <Skeleton className="h-64 w-full" />,
});
