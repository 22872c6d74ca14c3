import { useTranslation } from 'react-i18next';
import type { CategoryView } from '../../../main/api/wire.js';
import { ErrorPanel } from '../shared/ErrorPanel.js';
import { useApi } from '../shared/useApi.js';
import { withQuery } from '../shared/api.js';
import { isCategoryList } from './catalogGuards.js';
import { AGE_BANDS, type KioskFilters } from './filters.js';

interface FilterProps {
  filters: KioskFilters;
  onChange: (filters: KioskFilters) => void;
}

function Chip({ selected, onClick, children, testId }: { selected: boolean; onClick: () => void; children: React.ReactNode; testId: string }) {
  return (
    <button type="button" className="chip" aria-pressed={selected} onClick={onClick} data-testid={testId}>
      {children}
    </button>
  );
}

/** Category chips from `/api/catalog/categories`, with an "all toys" chip first. */
export function CategoryFilter({ filters, onChange }: FilterProps) {
  const { t, i18n } = useTranslation();
  const categories = useApi<CategoryView[]>(withQuery('/api/catalog/categories', { lang: i18n.language }), isCategoryList);
  return (
    <section className="filter-group" aria-labelledby="filter-category-title">
      <h2 id="filter-category-title">{t('kiosk.categories')}</h2>
      {categories.status === 'error' ? (
        <ErrorPanel error={categories.error} onRetry={categories.retry} />
      ) : (
        <div className="chips">
          <Chip selected={filters.category === null} onClick={() => onChange({ ...filters, category: null })} testId="category-all">
            {t('kiosk.allCategories')}
          </Chip>
          {categories.status === 'ready' && categories.data.map((category) => (
            <Chip
              key={category.id}
              selected={filters.category === category.id}
              onClick={() => onChange({ ...filters, category: category.id })}
              testId={`category-${category.id}`}
            >
              {category.label}
            </Chip>
          ))}
        </div>
      )}
    </section>
  );
}

/** Age band chips: 0–2, 3–5, 6–8, 9–12 and 13+ years. */
export function AgeFilter({ filters, onChange }: FilterProps) {
  const { t } = useTranslation();
  return (
    <section className="filter-group" aria-labelledby="filter-age-title">
      <h2 id="filter-age-title">{t('kiosk.age')}</h2>
      <div className="chips">
        <Chip selected={filters.ageBandId === null} onClick={() => onChange({ ...filters, ageBandId: null })} testId="age-all">
          {t('kiosk.allAges')}
        </Chip>
        {AGE_BANDS.map((band) => (
          <Chip
            key={band.id}
            selected={filters.ageBandId === band.id}
            onClick={() => onChange({ ...filters, ageBandId: band.id })}
            testId={`age-${band.id}`}
          >
            {band.maxYears === null
              ? t('kiosk.ageBandOpen', { min: band.minYears })
              : t('kiosk.ageBand', { min: band.minYears, max: band.maxYears })}
          </Chip>
        ))}
      </div>
    </section>
  );
}
