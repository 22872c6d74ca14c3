import { useTranslation } from 'react-i18next';
import type { CameraStatus } from '../../../main/api/wire.js';
import { translateErrorCode } from '../i18n/errorText.js';
import { displayName } from './displayName.js';
import { formatClock, formatCount } from './format.js';

/** Lists each camera's state, analysis rate, frames analysed, and its translated error with the next retry. */
export function CameraList({ cameras }: { cameras: readonly CameraStatus[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="panel panel-cameras">
      <h2>{t('dashboard.camerasTitle')}</h2>
      {cameras.length === 0 ? (
        <p className="empty-note" data-testid="no-cameras">{t('dashboard.noCameras')}</p>
      ) : (
        <ul className="camera-list">
          {cameras.map((camera) => (
            <li key={camera.cameraId} className={`camera camera-${camera.state}`} data-camera-id={camera.cameraId}>
              <div className="camera-head">
                <strong>{displayName(camera, i18n.language, camera.cameraId)}</strong>
                <span className="camera-state">{t(`dashboard.cameraState.${camera.state}`, { defaultValue: camera.state })}</span>
              </div>
              <div className="camera-stats">
                <span>{t('dashboard.fps', { fps: camera.fps.toFixed(1) })}</span>
                <span>{t('dashboard.framesAnalysed', { frames: formatCount(camera.framesAnalysed, i18n.language) })}</span>
              </div>
              {camera.errorCode !== null && (
                <p className="camera-error" data-testid="camera-error">
                  {translateErrorCode(t, 'cameraErrors', camera.errorCode, camera.errorMessage)}
                </p>
              )}
              {camera.state === 'retrying' && camera.nextRetryAtMs !== null && (
                <p className="camera-retry">
                  {t('dashboard.nextRetry', { time: formatClock(camera.nextRetryAtMs, i18n.language) })}
                  {' · '}
                  {t('dashboard.retries', { retries: camera.retries })}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
