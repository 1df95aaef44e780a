"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * A step's heading. When the user moves to another step, focus lands here so screen reader and
 * keyboard users start at the top of the new step (not on the page's first load).
 */
export function StepHeading({
  children,
  description,
  focus,
}: {
  children: ReactNode;
  description?: ReactNode;
  focus: boolean;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <div>
      <h2 ref={ref} tabIndex={-1} className="text-lg font-semibold outline-none">
        {children}
      </h2>
      {description ? <p className="mt-1 text-sm text-muted">{description}</p> : null}
    </div>
  );
}
