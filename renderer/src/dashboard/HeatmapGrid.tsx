import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrafficSummary } from '../../../main/api/wire.js';
import { displayName } from './displayName.js';

/**
 * How often the heatmap images are fetched again. The heatmap changes
 * slowly over a day; a shorter period costs a PNG render per camera on the
 * store PC each time.
 */
export const HEATMAP_REFRESH_MS = 30_000;

interface CameraRef {
  cameraId: string;
  name: string;
}

/** Lists every camera that appears in the summary, with its display name in `language` when the camera list has one. */
export function listHeatmapCameras(summary: TrafficSummary, language = 'en'): CameraRef[] {
  const names = new Map<string, string>();
  for (const camera of summary.cameras) names.set(camera.cameraId, displayName(camera, language, camera.cameraId));
  for (const item of [...summary.lines, ...summary.zones]) {
    if (!names.has(item.cameraId)) names.set(item.cameraId, item.cameraId);
  }
  return [...names].map(([cameraId, name]) => ({ cameraId, name })).sort((a, b) => a.cameraId.localeCompare(b.cameraId));
}

function HeatmapImage({ camera, date, refresh }: { camera: CameraRef; date: string; refresh: number }) {
  const { t } = useTranslation();
  const src = `/api/traffic/heatmap/${encodeURIComponent(camera.cameraId)}?date=${encodeURIComponent(date)}&refresh=${refresh}`;
  const [failedSrc, setFailedSrc] = useState<string | null>(null);

  return (
    <figure className="heatmap" data-camera-id={camera.cameraId}>
      {failedSrc === src ? (
        <p className="heatmap-missing" data-testid="heatmap-missing">{t('dashboard.heatmapUnavailable')}</p>
      ) : (
        <img src={src} alt={t('dashboard.heatmapAlt', { camera: camera.name })} onError={() => setFailedSrc(src)} />
      )}
      <figcaption>{camera.name}</figcaption>
    </figure>
  );
}

/** Shows one heatmap image per camera, fetched again every HEATMAP_REFRESH_MS. */
export function HeatmapGrid({ summary }: { summary: TrafficSummary }) {
  const { t, i18n } = useTranslation();
  const [refresh, setRefresh] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => setRefresh((n) => n + 1), HEATMAP_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, []);

  const cameras = listHeatmapCameras(summary, i18n.language);
  return (
    <section className="panel panel-heatmaps">
      <h2>{t('dashboard.heatmapTitle')}</h2>
      {cameras.length === 0 ? (
        <p className="empty-note">{t('dashboard.noHeatmaps')}</p>
      ) : (
        <div className="heatmap-grid">
          {cameras.map((camera) => (
            <HeatmapImage key={camera.cameraId} camera={camera} date={summary.date} refresh={refresh} />
          ))}
        </div>
      )}
    </section>
  );
}
