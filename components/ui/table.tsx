import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "@/lib/utils";
import { ScrollFrame } from "./scroll-frame";

/**
 * A table that scrolls sideways on narrow screens instead of overflowing the page; while it
 * does, its frame says so and can be scrolled from the keyboard (see ScrollFrame).
 */
export function Table({
  className,
  caption,
  ...props
}: HTMLAttributes<HTMLTableElement> & { caption?: string }) {
  return (
    <ScrollFrame label={caption}>
      <table className={cn("w-full border-collapse text-left text-sm", className)} {...props}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        {props.children}
      </table>
    </ScrollFrame>
  );
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={cn("border-b border-line bg-raised px-3 py-2 font-semibold whitespace-nowrap", className)}
      {...props}
    />
  );
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("border-b border-line px-3 py-2 align-top", className)} {...props} />;
}
