"use client";

import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { RenewalMonthLine } from "@/lib/dashboard/model";
import { formatUsd } from "@/lib/format";

export interface RenewalOutlookChartProps {
  months: RenewalMonthLine[];
  /** Where the balance line is drawn, in cents; null: not drawn (the balance is unknown). */
  balanceCents: number | null;
}

const dollars = (cents: number) => Math.round(cents) / 100;
const axisDollars = (value: number) =>
  value >= 1000 ? `$${(value / 1000).toLocaleString("en-US", { maximumFractionDigits: 1 })}k` : `$${value}`;

/**
 * Each month's renewals at cost as bars, the running total (expired paks included) as a line, and
 * the balance as a dashed line across: where the running total crosses it, the balance runs out.
 * Drawn in the browser only and hidden from assistive technology: the figure around it carries
 * the same numbers as a table.
 */
export default function RenewalOutlookChart({ months, balanceCents }: RenewalOutlookChartProps) {
  const data = months.map((month) => ({
    label: month.label,
    paks: month.paks,
    cost: dollars(month.costCents),
    total: dollars(month.cumulativeCents),
  }));
  return (
    <div aria-hidden="true" className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart
          accessibilityLayer={false}
          data={data}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        >
          <CartesianGrid vertical={false} stroke="var(--color-line)" />
          <XAxis dataKey="label" tick={{ fill: "var(--color-muted)", fontSize: 12 }} tickLine={false} />
          <YAxis
            width={52}
            tickFormatter={axisDollars}
            tick={{ fill: "var(--color-muted)", fontSize: 12 }}
            tickLine={false}
          />
          <Tooltip
            cursor={{ fill: "var(--color-raised)" }}
            contentStyle={{
              background: "var(--color-surface)",
              border: "1px solid var(--color-line)",
              borderRadius: 6,
              color: "var(--color-fg)",
            }}
            formatter={(value, name) => [formatUsd({ cents: Math.round(Number(value) * 100) }), String(name)]}
          />
          {/* No grow-in animation: the numbers are the point, and motion-sensitive users are spared it. */}
          <Bar
            dataKey="cost"
            name="Due that month"
            fill="var(--color-accent)"
            radius={[4, 4, 0, 0]}
            isAnimationActive={false}
          />
          <Line
            dataKey="total"
            name="Running total"
            type="monotone"
            stroke="var(--color-warning)"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          {balanceCents !== null ? (
            <ReferenceLine
              y={dollars(balanceCents)}
              ifOverflow="extendDomain"
              stroke="var(--color-danger)"
              strokeDasharray="6 4"
              label={{
                value: "Balance",
                position: "insideTopRight",
                fill: "var(--color-danger)",
                fontSize: 12,
              }}
            />
          ) : null}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
