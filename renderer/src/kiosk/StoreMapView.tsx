import { useTranslation } from 'react-i18next';
import type { FloorRect, StoreMapView as StoreMapBody } from '../../../main/api/wire.js';
import { withQuery } from '../shared/api.js';
import { ErrorPanel } from '../shared/ErrorPanel.js';
import { useApi } from '../shared/useApi.js';
import { findAisle, isStoreMap, layoutLabel } from './storeMap.js';

const HIGHLIGHT_FILL = '#f4a261';
const HIGHLIGHT_STROKE = '#c4621d';

/** Label size in floor-plan units, so labels scale with the plan whatever its unit. */
function baseFontSize(map: StoreMapBody): number {
  return Math.max(map.width, map.height) / 36;
}

function Label({ rect, text, maxFontSize, fill, bold }: { rect: FloorRect; text: string; maxFontSize: number; fill: string; bold?: boolean }) {
  const layout = layoutLabel(rect, text, maxFontSize);
  return (
    <text
      x={layout.x} y={layout.y} fontSize={layout.fontSize} fill={fill} fontWeight={bold ? 700 : 400}
      textAnchor="middle" dominantBaseline="central"
      transform={layout.rotate !== 0 ? `rotate(${layout.rotate} ${layout.x} ${layout.y})` : undefined}
    >
      {layout.text !== text && <title>{text}</title>}
      {layout.text}
    </text>
  );
}

function MapDrawing({ map, aisle }: { map: StoreMapBody; aisle: string }) {
  const { t } = useTranslation();
  const target = findAisle(map, aisle);
  const fontSize = baseFontSize(map);

  return (
    <>
      <svg className="store-map" viewBox={`0 0 ${map.width} ${map.height}`} role="img" aria-label={t('kiosk.mapAlt', { aisle })} data-testid="store-map">
        <rect width={map.width} height={map.height} fill="#fbfaf7" stroke="#c9c4b8" strokeWidth={fontSize / 6} />
        {map.aisles.map((candidate) => {
          const highlighted = candidate === target;
          return (
            <g key={candidate.id} data-aisle-id={candidate.id} data-highlighted={highlighted ? 'true' : 'false'}>
              <rect
                x={candidate.x} y={candidate.y} width={candidate.w} height={candidate.h} rx={fontSize / 4}
                fill={highlighted ? HIGHLIGHT_FILL : '#e3e0d8'}
                stroke={highlighted ? HIGHLIGHT_STROKE : 'none'} strokeWidth={fontSize / 4}
                className={highlighted ? 'aisle-highlight' : undefined}
              />
              <Label rect={candidate} text={candidate.shortLabel} maxFontSize={fontSize} fill="#333" bold={highlighted} />
              <text x={candidate.x + candidate.w / 2} y={candidate.y - fontSize * 0.4} fontSize={fontSize * 0.9}
                textAnchor="middle" fill={highlighted ? HIGHLIGHT_STROKE : '#6b6f78'} fontWeight={700}>
                {candidate.id}
              </text>
            </g>
          );
        })}
        <g data-testid="map-entrance">
          <rect x={map.entrance.x} y={map.entrance.y} width={map.entrance.w} height={map.entrance.h} fill="#2a9d8f" rx={fontSize / 4} />
          <Label rect={map.entrance} text={t('kiosk.entrance')} maxFontSize={fontSize * 1.2} fill="#fff" bold />
        </g>
        <g data-testid="map-checkout">
          <rect x={map.checkout.x} y={map.checkout.y} width={map.checkout.w} height={map.checkout.h} fill="#577590" rx={fontSize / 4} />
          <Label rect={map.checkout} text={t('kiosk.checkout')} maxFontSize={fontSize * 1.2} fill="#fff" />
        </g>
      </svg>
      <p className="map-caption" data-testid="map-caption">
        {target ? t('kiosk.youWillFindIt', { aisle: target.id, label: target.label }) : t('kiosk.aisleNotOnMap', { aisle })}
      </p>
    </>
  );
}

/** Draws the floor plan from `/api/catalog/store-map` with the product's aisle highlighted and the entrance marked. */
export function StoreMapView({ aisle }: { aisle: string }) {
  const { t, i18n } = useTranslation();
  const map = useApi<StoreMapBody>(withQuery('/api/catalog/store-map', { lang: i18n.language }), isStoreMap);
  return (
    <section className="map-panel">
      <h2>{t('kiosk.whereTitle')}</h2>
      {map.status === 'loading' && <p className="loading">{t('common.loading')}</p>}
      {map.status === 'error' && <ErrorPanel error={map.error} onRetry={map.retry} />}
      {map.status === 'ready' && <MapDrawing map={map.data} aisle={aisle} />}
    </section>
  );
}
