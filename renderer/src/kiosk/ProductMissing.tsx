import { useTranslation } from 'react-i18next';

/**
 * Shows a kind page for a product id that is not in the catalog: a toy that
 * left the catalog, or a mistyped `#/product/<id>` link.
 */
export function ProductMissing({ onGoHome }: { onGoHome: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="product-missing" data-testid="product-missing">
      <h1>{t('kiosk.productMissingTitle')}</h1>
      <p>{t('kiosk.productMissingBody')}</p>
      <button type="button" className="retry-button" onClick={onGoHome} data-testid="product-missing-home">
        {t('kiosk.productMissingHome')}
      </button>
    </section>
  );
}
