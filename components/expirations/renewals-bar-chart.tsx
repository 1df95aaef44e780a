"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { RenewalMonth } from "@/lib/expirations/model";
import { formatUsd } from "@/lib/format";

/**
 * Paks due per month as bars. Drawn in the browser only (recharts measures the page) and hidden
 * from assistive technology: the figure around it carries the same numbers as a table.
 */
export default function RenewalsBarChart({ months }: { months: RenewalMonth[] }) {
  return (
    <div aria-hidden="true" className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          accessibilityLayer={false}
          data={months}
          margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
        >
          <CartesianGrid vertical={false} stroke="var(--color-line)" />
          <XAxis dataKey="label" tick={{ fill: "var(--color-muted)", fontSize: 12 }} tickLine={false} />
          <YAxis allowDecimals={false} tick={{ fill: "var(--color-muted)", fontSize: 12 }} tickLine={false} />
          <Tooltip
            cursor={{ fill: "var(--color-raised)" }}
            contentStyle={{
              background: "var(--color-surface)",
              border: "1px solid var(--color-line)",
              borderRadius: 6,
              color: "var(--color-fg)",
            }}
            formatter={(value, _name, item) => [
              `${String(value)} paks · ${formatUsd({ cents: (item.payload as RenewalMonth).costCents })} at cost`,
              "Due",
            ]}
          />
          {/* No grow-in animation: the numbers are the point, and motion-sensitive users are spared it. */}
          <Bar
            dataKey="paks"
            name="Paks due"
            fill="var(--color-accent)"
            radius={[4, 4, 0, 0]}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
