const dateTime = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

/** An instant as "Nov 24, 2026, 2:30 PM UTC": emails cannot know the reader's time zone. */
export function formatDateTimeUtc(instant: Date): string {
  return dateTime.format(instant);
}
