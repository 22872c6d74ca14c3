import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { TrafficSummary } from '../../main/api/wire.js';
import { estimateInStore, formatDwell, hourLabel, toHourlySeries } from '../../renderer/src/dashboard/format.js';
import { listHeatmapCameras } from '../../renderer/src/dashboard/HeatmapGrid.js';
import { liveErrorCode } from '../../renderer/src/dashboard/NoticeList.js';
import { isTrafficSummary } from '../../renderer/src/dashboard/trafficSummaryGuard.js';
import { RESOURCES } from '../../renderer/src/i18n/index.js';

async function createT(lng: 'zh-CN' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    resources: { 'zh-CN': { translation: RESOURCES['zh-CN'] }, en: { translation: RESOURCES.en } },
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

function summary(overrides: Partial<TrafficSummary> = {}): TrafficSummary {
  return {
    date: '2026-12-04', in: 3, out: 2, occupancy: 1,
    hourly: [{ hour: 10, in: 3, out: 2 }], lines: [], zones: [], cameras: [], errorCode: null, notices: [], generatedAtMs: 0,
    ...overrides,
  };
}

describe('formatDwell', () => {
  const cases: Array<{ dwellMs: number; en: string; zh: string; note: string }> = [
    { dwellMs: 0, en: '—', zh: '—', note: 'no visits ended yet' },
    { dwellMs: 42_000, en: '42 s', zh: '42秒', note: 'under a minute shows seconds only' },
    { dwellMs: 205_000, en: '3 min 25 s', zh: '3分25秒', note: 'minutes and seconds' },
    { dwellMs: 59_600, en: '1 min 0 s', zh: '1分0秒', note: 'rounds to whole seconds before splitting' },
    { dwellMs: Number.NaN, en: '—', zh: '—', note: 'a broken value is not shown as NaN' },
  ];
  for (const testCase of cases) {
    it(testCase.note, async () => {
      expect(formatDwell(await createT('en'), testCase.dwellMs)).toBe(testCase.en);
      expect(formatDwell(await createT('zh-CN'), testCase.dwellMs)).toBe(testCase.zh);
    });
  }
});

describe('toHourlySeries', () => {
  it('fills 24 slots from sparse rows', () => {
    const series = toHourlySeries([{ hour: 9, in: 4, out: 1 }, { hour: 23, in: 1, out: 5 }]);
    expect(series.in).toHaveLength(24);
    expect(series.in[9]).toBe(4);
    expect(series.out[23]).toBe(5);
    expect(series.in.reduce((a, b) => a + b, 0)).toBe(5);
  });

  it('drops hours outside 0–23', () => {
    const series = toHourlySeries([{ hour: 24, in: 7, out: 7 }, { hour: -1, in: 7, out: 7 }, { hour: 1.5, in: 7, out: 7 }]);
    expect(series.in.every((n) => n === 0)).toBe(true);
  });

  it('sums a repeated hour', () => {
    // Two rows for one hour (e.g. one per entrance line) add up.
    const series = toHourlySeries([{ hour: 14, in: 2, out: 1 }, { hour: 14, in: 3, out: 4 }]);
    expect(series.in[14]).toBe(5);
    expect(series.out[14]).toBe(5);
  });

  it('labels hours with two digits', () => {
    expect(hourLabel(7)).toBe('07:00');
    expect(hourLabel(18)).toBe('18:00');
  });
});

describe('isTrafficSummary', () => {
  const cases: Array<{ value: unknown; valid: boolean; note: string }> = [
    { value: summary(), valid: true, note: 'a complete summary' },
    { value: null, valid: false, note: 'null' },
    { value: { ...summary(), in: -1 }, valid: false, note: 'negative count' },
    { value: { ...summary(), in: '3' }, valid: false, note: 'count sent as a string' },
    { value: { ...summary(), hourly: 'x' }, valid: false, note: 'hourly not an array' },
    { value: { ...summary(), zones: [{ zoneId: 'z1' }] }, valid: false, note: 'zone without its fields' },
    { value: { ...summary(), cameras: [{ cameraId: 'c1' }] }, valid: false, note: 'camera without a state' },
    { value: { ...summary(), notices: undefined }, valid: true, note: 'no notices from an older store computer' },
    { value: summary({ notices: [{ code: 'catalog_rejected', message: 'toys.json is invalid.', atMs: 5 }] }), valid: true, note: 'one notice' },
    { value: { ...summary(), notices: 'catalog_rejected' }, valid: false, note: 'notices not an array' },
    { value: { ...summary(), notices: [{ code: 'catalog_rejected', atMs: 5 }] }, valid: false, note: 'notice without a message' },
  ];
  for (const testCase of cases) {
    it(testCase.note, () => {
      expect(isTrafficSummary(testCase.value)).toBe(testCase.valid);
    });
  }
});

describe('estimateInStore', () => {
  const cases: Array<{ in: number; out: number; expected: number; note: string }> = [
    { in: 24, out: 20, expected: 4, note: 'in minus out' },
    { in: 0, out: 0, expected: 0, note: 'no crossings yet' },
    { in: 3, out: 7, expected: 0, note: 'more out than in is clamped to 0' },
  ];
  for (const testCase of cases) {
    it(testCase.note, () => {
      expect(estimateInStore(testCase)).toBe(testCase.expected);
    });
  }
});

describe('liveErrorCode', () => {
  const recovered = { code: 'database_recovered', message: 'The database was damaged.', atMs: 1 };
  const cases: Array<{ value: TrafficSummary; expected: string | null; note: string }> = [
    { value: summary(), expected: null, note: 'healthy store' },
    { value: summary({ errorCode: 'storage_full' }), expected: 'storage_full', note: 'live error without a notice' },
    { value: summary({ errorCode: 'database_recovered', notices: [recovered] }), expected: null, note: 'error shown as a notice already' },
    { value: summary({ errorCode: 'storage_full', notices: [recovered] }), expected: 'storage_full', note: 'notice of another code' },
  ];
  for (const testCase of cases) {
    it(testCase.note, () => {
      expect(liveErrorCode(testCase.value)).toBe(testCase.expected);
    });
  }
});

describe('listHeatmapCameras', () => {
  it('merges cameras from status, lines and zones', () => {
    const cameras = listHeatmapCameras(summary({
      cameras: [{
        cameraId: 'entrance', name: 'Front door', state: 'running', framesAnalysed: 1, fps: 5, errorCode: null,
        errorMessage: null, nextRetryAtMs: null, retries: 0, backend: null, model: null,
      }],
      lines: [{ cameraId: 'entrance', lineId: 'door', name: 'Door', in: 1, out: 0 }],
      zones: [{ cameraId: 'aisle-cam', zoneId: 'lego', name: 'Lego', occupancy: 0, visits: 1, meanDwellMs: 1000 }],
    }));
    expect(cameras).toEqual([
      { cameraId: 'aisle-cam', name: 'aisle-cam' },
      { cameraId: 'entrance', name: 'Front door' },
    ]);
  });
});
