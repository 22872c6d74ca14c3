import { useTranslation } from 'react-i18next';
import type { CameraStatus, ZoneSummary } from '../../../main/api/wire.js';
import { displayName } from './displayName.js';
import { formatCount, formatDwell } from './format.js';

/** Lists dwell per zone: mean time spent, visits that ended today and people there now. */
export function ZoneTable({ zones, cameras }: { zones: readonly ZoneSummary[]; cameras: readonly CameraStatus[] }) {
  const { t, i18n } = useTranslation();
  const cameraNames = new Map(cameras.map((camera) => [camera.cameraId, displayName(camera, i18n.language, camera.cameraId)]));
  return (
    <section className="panel panel-zones">
      <h2>{t('dashboard.zonesTitle')}</h2>
      {zones.length === 0 ? (
        <p className="empty-note">{t('dashboard.noZones')}</p>
      ) : (
        <table className="zone-table" data-testid="zone-table">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.zoneName')}</th>
              <th scope="col">{t('dashboard.zoneCamera')}</th>
              <th scope="col" className="num">{t('dashboard.meanDwell')}</th>
              <th scope="col" className="num">{t('dashboard.visits')}</th>
              <th scope="col" className="num">{t('dashboard.zoneOccupancy')}</th>
            </tr>
          </thead>
          <tbody>
            {zones.map((zone) => (
              <tr key={`${zone.cameraId}/${zone.zoneId}`} data-zone-id={zone.zoneId}>
                <th scope="row">{displayName(zone, i18n.language, zone.zoneId)}</th>
                <td>{cameraNames.get(zone.cameraId) ?? zone.cameraId}</td>
                <td className="num" data-testid="zone-dwell">{formatDwell(t, zone.meanDwellMs)}</td>
                <td className="num" data-testid="zone-visits">{formatCount(zone.visits, i18n.language)}</td>
                <td className="num" data-testid="zone-occupancy">{formatCount(zone.occupancy, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
