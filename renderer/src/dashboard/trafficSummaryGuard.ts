import type { TrafficSummary } from '../../../main/api/wire.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/**
 * Checks the parts of a `summary` event that the dashboard reads before it
 * replaces the numbers on screen, so one malformed event keeps the last good
 * numbers instead of breaking the page.
 */
export function isTrafficSummary(value: unknown): value is TrafficSummary {
  if (!isObject(value)) return false;
  if (typeof value.date !== 'string' || !isCount(value.in) || !isCount(value.out) || !isCount(value.occupancy)) return false;
  if (value.errorCode !== undefined && value.errorCode !== null && typeof value.errorCode !== 'string') return false;
  if (!Array.isArray(value.hourly) || !Array.isArray(value.zones) || !Array.isArray(value.cameras) || !Array.isArray(value.lines)) {
    return false;
  }
  const hourlyValid = value.hourly.every((row: unknown) => isObject(row) && isCount(row.hour) && isCount(row.in) && isCount(row.out));
  const zonesValid = value.zones.every((zone: unknown) => isObject(zone)
    && typeof zone.cameraId === 'string' && typeof zone.zoneId === 'string' && typeof zone.name === 'string'
    && isCount(zone.occupancy) && isCount(zone.visits) && isCount(zone.meanDwellMs));
  const camerasValid = value.cameras.every((camera: unknown) => isObject(camera)
    && typeof camera.cameraId === 'string' && typeof camera.state === 'string');
  return hourlyValid && zonesValid && camerasValid && areNotices(value.notices);
}

/** Accepts a missing list too, as sent by a store computer older than the notices. */
function areNotices(value: unknown): boolean {
  if (value === undefined) return true;
  return Array.isArray(value) && value.every((notice: unknown) => isObject(notice)
    && typeof notice.code === 'string' && typeof notice.message === 'string' && isCount(notice.atMs));
}

