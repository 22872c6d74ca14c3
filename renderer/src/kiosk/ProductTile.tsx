import { useTranslation } from 'react-i18next';
import type { ProductView } from '../../../main/api/wire.js';
import { formatAgeRange, formatPrice } from './format.js';
import { StockBadge } from './StockBadge.js';
import { ToyArt } from './ToyArt.js';

/** Shows one toy in a grid or row. The whole card is the touch target that opens the product page. */
export function ProductTile({ product, onOpen, reason }: { product: ProductView; onOpen: (id: string) => void; reason?: string }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="product-tile"
      data-product-id={product.id}
      data-category={product.category}
      data-age-min={product.ageMinYears}
      data-age-max={product.ageMaxYears}
      data-price-yuan={product.priceYuan}
      aria-label={t('kiosk.openProduct', { name: product.name })}
      onClick={() => onOpen(product.id)}
    >
      <ToyArt category={product.category} hue={product.imageHue} size={112} />
      <span className="tile-name">{product.name}</span>
      <span className="tile-meta">{formatAgeRange(t, product)}</span>
      <span className="tile-bottom">
        <span className="tile-price">{formatPrice(t, product.priceYuan)}</span>
        <StockBadge stock={product.stock} />
      </span>
      {reason && <span className="tile-reason" data-testid="tile-reason">{reason}</span>}
    </button>
  );
}
