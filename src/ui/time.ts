/** A time of day as users read it, in the configured zone (e.g. "23:05"). */
export function formatTime(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
}
