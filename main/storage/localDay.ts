/**
 * Local calendar days and hours. Minutes are stored as UTC epoch ms; the
 * dashboard speaks in the store's local time, which the process's time zone
 * (TZ) sets. A day is 23 or 25 hours long on a daylight-saving change.
 */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch ms bounds `[startMs, endMs)` of a local day `YYYY-MM-DD`; null when the text is not a real date. */
export function localDayRange(date: string): { startMs: number; endMs: number } | null {
  const match = DATE_PATTERN.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const start = new Date(year, month - 1, day);
  if (start.getFullYear() !== year || start.getMonth() !== month - 1 || start.getDate() !== day) return null;
  const end = new Date(year, month - 1, day + 1);
  return { startMs: start.getTime(), endMs: end.getTime() };
}

/** Local date `YYYY-MM-DD` of an instant. */
export function localDateString(epochMs: number): string {
  const date = new Date(epochMs);
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/** Local hour 0-23 of an instant. */
export function localHour(epochMs: number): number {
  return new Date(epochMs).getHours();
}
