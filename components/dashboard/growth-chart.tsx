"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { GrowthPoint } from "@/lib/dashboard/model";

const dayLabel = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const tickDay = (day: string) => dayLabel.format(new Date(`${day}T00:00:00Z`));

/**
 * Mailboxes (left axis) and paks (right axis) per day. Drawn in the browser only and hidden from
 * assistive technology: the figure around it says the change in words and has the table.
 */
export default function GrowthChart({ points }: { points: GrowthPoint[] }) {
  return (
    <div aria-hidden="true" className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart accessibilityLayer={false} data={points} margin={{ top: 8, right: 0, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke="var(--color-line)" />
          <XAxis
            dataKey="day"
            tickFormatter={tickDay}
            minTickGap={24}
            tick={{ fill: "var(--color-muted)", fontSize: 12 }}
            tickLine={false}
          />
          <YAxis
            yAxisId="mailboxes"
            width={48}
            allowDecimals={false}
            tick={{ fill: "var(--color-muted)", fontSize: 12 }}
            tickLine={false}
          />
          <YAxis
            yAxisId="paks"
            orientation="right"
            width={40}
            allowDecimals={false}
            tick={{ fill: "var(--color-muted)", fontSize: 12 }}
            tickLine={false}
          />
          <Tooltip
            labelFormatter={(day) => tickDay(String(day))}
            contentStyle={{
              background: "var(--color-surface)",
              border: "1px solid var(--color-line)",
              borderRadius: 6,
              color: "var(--color-fg)",
            }}
          />
          <Legend wrapperStyle={{ fontSize: 12, color: "var(--color-muted)" }} />
          <Line
            yAxisId="mailboxes"
            dataKey="mailboxes"
            name="Mailboxes"
            type="monotone"
            stroke="var(--color-accent)"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            yAxisId="paks"
            dataKey="paks"
            name="Paks"
            type="monotone"
            stroke="var(--color-success)"
            strokeWidth={2}
            strokeDasharray="5 3"
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
