import { useTranslation } from 'react-i18next';
import { stockLevel } from './stock.js';

/** "In stock", "Only N left" or "Out of stock", coloured by level. */
export function StockBadge({ stock }: { stock: number }) {
  const { t } = useTranslation();
  const level = stockLevel(stock);
  const text = level.kind === 'in' ? t('kiosk.stockIn')
    : level.kind === 'low' ? t('kiosk.stockLow', { count: level.count })
      : t('kiosk.stockOut');
  return <span className={`stock stock-${level.kind}`} data-testid="stock">{text}</span>;
}
