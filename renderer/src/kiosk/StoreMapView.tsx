import { useTranslation } from 'react-i18next';
import { withQuery } from '../shared/api.js';
import { ErrorPanel } from '../shared/ErrorPanel.js';
import { useApi } from '../shared/useApi.js';
import { findAisle, isStoreMap, type PlanRect, type StoreMap } from './storeMap.js';

const HIGHLIGHT = '#f4a261';

function center(rect: PlanRect): { x: number; y: number } {
  return { x: rect.x + rect.w / 2, y: rect.y + rect.h / 2 };
}

/** Font size in floor-plan units, so labels scale with the plan. */
function labelSize(map: StoreMap): number {
  return Math.max(map.width, map.height) / 32;
}

function MapDrawing({ map, aisle }: { map: StoreMap; aisle: string }) {
  const { t } = useTranslation();
  const target = findAisle(map, aisle);
  const fontSize = labelSize(map);
  const entrance = center(map.entrance);
  const checkout = center(map.checkout);

  return (
    <>
      <svg
        className="store-map"
        viewBox={`0 0 ${map.width} ${map.height}`}
        role="img"
        aria-label={t('kiosk.mapAlt', { aisle })}
        data-testid="store-map"
      >
        <rect width={map.width} height={map.height} fill="#fbfaf7" stroke="#c9c4b8" strokeWidth={fontSize / 6} />
        {map.aisles.map((candidate) => {
          const highlighted = candidate === target;
          const middle = center(candidate);
          return (
            <g key={candidate.id} data-aisle-id={candidate.id} data-highlighted={highlighted ? 'true' : 'false'}>
              <rect
                x={candidate.x} y={candidate.y} width={candidate.w} height={candidate.h} rx={fontSize / 4}
                fill={highlighted ? HIGHLIGHT : '#e3e0d8'}
                stroke={highlighted ? '#c4621d' : 'none'} strokeWidth={fontSize / 4}
                className={highlighted ? 'aisle-highlight' : undefined}
              />
              <text x={middle.x} y={middle.y} fontSize={fontSize} textAnchor="middle" dominantBaseline="central"
                fontWeight={highlighted ? 700 : 400} fill="#333">
                {candidate.label}
              </text>
            </g>
          );
        })}
        <g data-testid="map-entrance">
          <rect x={map.entrance.x} y={map.entrance.y} width={map.entrance.w} height={map.entrance.h} fill="#2a9d8f" rx={fontSize / 4} />
          <text x={entrance.x} y={entrance.y} fontSize={fontSize} textAnchor="middle" dominantBaseline="central" fill="#fff" fontWeight={700}>
            {t('kiosk.entrance')}
          </text>
        </g>
        <g data-testid="map-checkout">
          <rect x={map.checkout.x} y={map.checkout.y} width={map.checkout.w} height={map.checkout.h} fill="#577590" rx={fontSize / 4} />
          <text x={checkout.x} y={checkout.y} fontSize={fontSize} textAnchor="middle" dominantBaseline="central" fill="#fff">
            {t('kiosk.checkout')}
          </text>
        </g>
      </svg>
      <p className="map-caption" data-testid="map-caption">
        {target ? t('kiosk.youWillFindIt', { aisle: target.label }) : t('kiosk.aisleNotOnMap', { aisle })}
      </p>
    </>
  );
}

/** The floor plan from `/api/catalog/store-map` with the product's aisle highlighted and the entrance marked. */
export function StoreMapView({ aisle }: { aisle: string }) {
  const { t, i18n } = useTranslation();
  const map = useApi<unknown>(withQuery('/api/catalog/store-map', { lang: i18n.language }));
  return (
    <section className="map-panel">
      <h2>{t('kiosk.whereTitle')}</h2>
      {map.status === 'loading' && <p className="loading">{t('common.loading')}</p>}
      {map.status === 'error' && <ErrorPanel error={map.error} onRetry={map.retry} />}
      {map.status === 'ready' && (isStoreMap(map.data)
        ? <MapDrawing map={map.data} aisle={aisle} />
        : <ErrorPanel error={null} onRetry={map.retry} />)}
    </section>
  );
}
