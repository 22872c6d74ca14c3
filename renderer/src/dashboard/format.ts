import type { TFunction } from 'i18next';
import type { HourlyCount, TrafficSummary } from '../../../main/api/wire.js';

export const HOURS_PER_DAY = 24;

/** Formats a mean dwell as "3 min 25 s" (or "3分25秒"), rounding to whole seconds. */
export function formatDwell(t: TFunction, dwellMs: number): string {
  if (!Number.isFinite(dwellMs) || dwellMs <= 0) return t('dashboard.dwellNone');
  const totalSeconds = Math.round(dwellMs / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  if (minutes === 0) return t('dashboard.dwellSeconds', { seconds });
  return t('dashboard.dwellMinutesSeconds', { minutes, seconds });
}

/** Expands the sparse hourly rows into 24 slots; out-of-range hours are dropped and repeated hours summed. */
export function toHourlySeries(hourly: readonly HourlyCount[]): { in: number[]; out: number[] } {
  const series = { in: new Array<number>(HOURS_PER_DAY).fill(0), out: new Array<number>(HOURS_PER_DAY).fill(0) };
  for (const row of hourly) {
    if (!Number.isInteger(row.hour) || row.hour < 0 || row.hour >= HOURS_PER_DAY) continue;
    series.in[row.hour]! += row.in;
    series.out[row.hour]! += row.out;
  }
  return series;
}

/** "09:00" for hour 9. */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** Local wall-clock time, "14:05:09", for the "updated at" line and retry times. */
export function formatClock(epochMs: number, lang: string): string {
  return new Date(epochMs).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

export function formatCount(value: number, lang: string): string {
  return value.toLocaleString(lang);
}

/**
 * Estimates the people in the store as today's entrance count in minus out,
 * never below 0. Each missed or doubled crossing shifts it until midnight,
 * so it is an estimate, unlike the live count of people in view.
 */
export function estimateInStore(summary: Pick<TrafficSummary, 'in' | 'out'>): number {
  return Math.max(0, summary.in - summary.out);
}
