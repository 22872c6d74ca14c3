import { describe, expect, it } from 'vitest';
import type { ProductList, ProductView, Suggestion } from '../../main/api/wire.js';
import en from '../../renderer/src/i18n/en.json' with { type: 'json' };
import zh from '../../renderer/src/i18n/zh-CN.json' with { type: 'json' };
import { SIMILAR_LIMIT, SIMILAR_REQUEST_COUNT, TOGETHER_LIMIT } from '../../renderer/src/kiosk/suggestionLimits.js';
import { getJson } from './support/app.js';
import { saveScreenshot } from './support/browser.js';
import { useStoreAndBrowser } from './support/fixture.js';

/** A landscape kiosk touchscreen. */
const KIOSK_VIEWPORT = { width: 1280, height: 800 };
const FILTER_CATEGORY = 'puzzles';
/** The 3–5 band, which the kiosk sends as ageMin=3&ageMax=5. */
const FILTER_AGE_BAND = '3-5';
const FILTER_AGE_MIN = 3;
const FILTER_AGE_MAX = 5;

describe('kiosk', () => {
  const fixture = useStoreAndBrowser(KIOSK_VIEWPORT);

  /** Product ids shown in the home grid, in screen order, once the results stopped loading. */
  async function gridProductIds(): Promise<string[]> {
    const { page } = fixture.browser;
    await page.locator('[data-testid="results"][aria-busy="false"]').waitFor();
    return page.getByTestId('product-grid').locator('.product-tile').evaluateAll(
      (tiles) => tiles.map((tile) => tile.getAttribute('data-product-id') ?? ''),
    );
  }

  it('opens home with popular toys', async () => {
    const { page } = fixture.browser;
    await page.goto(fixture.app.kioskUrl);
    const popular = await getJson<ProductList>(fixture.app, '/api/catalog/products?lang=zh-CN&sort=popular&limit=24');
    expect(await gridProductIds()).toEqual(popular.items.map((product) => product.id));
    expect(await page.locator('.results h2').textContent()).toBe('本店热门玩具');
    await saveScreenshot(page, 'kiosk-home-zh');
  });

  it('has touch targets of at least 48 px', async () => {
    const small = await fixture.browser.page.locator('button').evaluateAll((buttons) => buttons
      .map((button) => ({ text: button.textContent, rect: button.getBoundingClientRect() }))
      .filter(({ rect }) => rect.width > 0 && (rect.height < 48 || rect.width < 48))
      .map(({ text, rect }) => `${text} ${rect.width}×${rect.height}`));
    expect(small).toEqual([]);
  });

  it('shows more toys on request', async () => {
    const { page } = fixture.browser;
    const firstPage = await gridProductIds();
    await page.locator('.show-more').click();
    await expect.poll(async () => (await gridProductIds()).length).toBeGreaterThan(firstPage.length);
    const bothPages = await gridProductIds();
    // The first page stays in place and the next one is appended.
    expect(bothPages.slice(0, firstPage.length)).toEqual(firstPage);
    const popular = await getJson<ProductList>(fixture.app, `/api/catalog/products?lang=zh-CN&sort=popular&limit=${bothPages.length}`);
    expect(bothPages).toEqual(popular.items.map((product) => product.id));
  });

  it('filters by category and age', async () => {
    const { page } = fixture.browser;
    await page.getByTestId(`category-${FILTER_CATEGORY}`).click();
    await page.getByTestId(`age-${FILTER_AGE_BAND}`).click();
    const expected = await getJson<ProductList>(fixture.app,
      `/api/catalog/products?lang=zh-CN&category=${FILTER_CATEGORY}&ageMin=${FILTER_AGE_MIN}&ageMax=${FILTER_AGE_MAX}&sort=popular&limit=24`);
    expect(expected.items.length, 'the demo catalog has puzzles for 3 to 5 year olds').toBeGreaterThan(0);
    await expect.poll(gridProductIds).toEqual(expected.items.map((product) => product.id));

    const tiles = await page.getByTestId('product-grid').locator('.product-tile').evaluateAll((elements) => elements.map((tile) => ({
      category: tile.getAttribute('data-category'),
      min: Number(tile.getAttribute('data-age-min')),
      max: Number(tile.getAttribute('data-age-max')),
    })));
    for (const tile of tiles) {
      expect(tile.category).toBe(FILTER_CATEGORY);
      // The toy's age range overlaps the band.
      expect(tile.min).toBeLessThanOrEqual(FILTER_AGE_MAX);
      expect(tile.max).toBeGreaterThanOrEqual(FILTER_AGE_MIN);
    }
    expect(await page.locator('.results h2').textContent()).toBe(`共 ${expected.total} 件玩具`);
    await saveScreenshot(page, 'kiosk-filtered-zh');
  });

  it('shows price, stock, aisle and map on a product', async () => {
    const { page } = fixture.browser;
    const [firstId] = await gridProductIds();
    const product = await getJson<ProductView>(fixture.app, `/api/catalog/products/${firstId}?lang=zh-CN`);
    await page.locator(`.product-tile[data-product-id="${firstId}"]`).click();

    await page.getByTestId('product-name').waitFor();
    expect(await page.getByTestId('product-name').textContent()).toBe(product.name);
    expect(await page.getByTestId('product-price').textContent()).toBe(`¥${product.priceYuan}`);
    expect(await page.getByTestId('product-aisle').textContent()).toContain(product.aisle);

    const highlighted = page.locator('[data-testid="store-map"] g[data-highlighted="true"]');
    await highlighted.first().waitFor();
    expect(await highlighted.count()).toBe(1);
    expect(await highlighted.getAttribute('data-aisle-id')).toBe(product.aisle);
    expect(await page.getByTestId('map-entrance').textContent()).toBe('入口');
  });

  it('shows the similar toys row', async () => {
    const { page } = fixture.browser;
    const productId = await page.locator('article.product-page').getAttribute('data-product-id');
    // The similar row leaves out the together row's toys and refills from the extra ones it loads.
    const together = await getJson<Suggestion[]>(fixture.app, `/api/catalog/products/${productId}/together?lang=zh-CN&limit=${TOGETHER_LIMIT}`);
    const togetherIds = together.map((suggestion) => suggestion.product.id);
    const similar = await getJson<Suggestion[]>(fixture.app, `/api/catalog/products/${productId}/similar?lang=zh-CN&limit=${SIMILAR_REQUEST_COUNT}`);
    const expected = similar.map((suggestion) => suggestion.product.id).filter((id) => !togetherIds.includes(id)).slice(0, SIMILAR_LIMIT);
    const row = page.getByTestId('similar-row');
    if (expected.length === 0) {
      await row.locator('.empty-note').waitFor();
    } else {
      await row.locator('.product-tile').first().waitFor();
      const ids = await row.locator('.product-tile').evaluateAll((tiles) => tiles.map((tile) => tile.getAttribute('data-product-id')));
      expect(ids).toEqual(expected);
    }
    await saveScreenshot(page, 'kiosk-product-zh');
  });

  it('switches the product page to English', async () => {
    const { page } = fixture.browser;
    const productId = await page.locator('article.product-page').getAttribute('data-product-id');
    const english = await getJson<ProductView>(fixture.app, `/api/catalog/products/${productId}?lang=en`);
    await page.locator('.lang-switch button[data-lang="en"]').click();
    await expect.poll(() => page.getByTestId('product-name').textContent()).toBe(english.name);
    expect(await page.locator('.map-panel h2').textContent()).toBe('Where to find it');
    expect(await page.getByTestId('map-entrance').textContent()).toBe('Entrance');
    expect(await page.getByTestId('product-aisle').textContent()).toBe(`Aisle ${english.aisle}`);
    await saveScreenshot(page, 'kiosk-product-en');
  });

  it('goes back to the filtered list', async () => {
    const { page } = fixture.browser;
    await page.getByTestId('back').click();
    expect(await page.getByTestId(`category-${FILTER_CATEGORY}`).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId(`age-${FILTER_AGE_BAND}`).getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('.results h2').textContent()).toMatch(/^Toys found: \d+$/);
  });

  it('offers a retry when the catalog fails', async () => {
    const { page } = fixture.browser;
    // The route handler makes the catalog fail, because the real server has no switch for that.
    await page.route('**/api/catalog/products?**', (route) => route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'internal_error', message: 'Injected failure.' } }),
    }));
    await page.getByTestId('category-all').click();
    const panel = page.locator('.results .error-panel');
    await panel.waitFor();
    expect(await panel.getAttribute('data-error-code')).toBe('internal_error');
    expect(await panel.locator('p').textContent()).toBe('The store computer had a problem. Please try again.');
    await saveScreenshot(page, 'kiosk-error-en');

    await page.unroute('**/api/catalog/products?**');
    await panel.getByRole('button').click();
    await page.getByTestId('product-grid').waitFor();
    expect((await gridProductIds()).length).toBeGreaterThan(0);
  });

  it('explains a product that is gone', async () => {
    const { page } = fixture.browser;
    const [firstId] = await gridProductIds();
    // The handler plays a toy removed from the catalog after the list was loaded.
    await page.route(`**/api/catalog/products/${firstId}?**`, (route) => route.fulfill({
      status: 404,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'product_not_found', message: `No product with id "${firstId}".` } }),
    }));
    await page.locator(`.product-tile[data-product-id="${firstId}"]`).click();
    const missing = page.getByTestId('product-missing');
    await missing.waitFor();
    expect(await missing.locator('h1').textContent()).toBe(en.kiosk.productMissingTitle);
    await page.unroute(`**/api/catalog/products/${firstId}?**`);
    await page.getByTestId('product-missing-home').click();
    await page.getByTestId('product-grid').waitFor();
  });

  it('rejects a malformed product list', async () => {
    const { page } = fixture.browser;
    // The handler returns a body of the wrong shape, which the real server never sends.
    await page.route('**/api/catalog/products?**', (route) => route.fulfill({
      status: 200, contentType: 'application/json', body: JSON.stringify({ items: 'oops', total: 'many' }),
    }));
    await page.getByTestId('age-0-2').click();
    const panel = page.locator('.results .error-panel');
    await panel.waitFor();
    expect(await panel.getAttribute('data-error-code')).toBe('invalid_response');
    expect(await panel.locator('p').textContent()).toBe('The store computer sent data this screen cannot read.');
    await page.unroute('**/api/catalog/products?**');
    await panel.getByRole('button').click();
    await page.getByTestId('product-grid').waitFor();
  });

  it('remembers English after a reload', async () => {
    const { page } = fixture.browser;
    await page.reload();
    await page.getByTestId('product-grid').waitFor();
    expect(await page.locator('.results h2').textContent()).toBe('Popular in this store');
    // Only the failures this file injected were reported in the console.
    const unexpected = fixture.browser.pageErrors.filter((message) => !/500|404|unexpected shape/.test(message));
    expect(unexpected).toEqual([]);
  });
});

describe('kiosk idle reset and links', () => {
  const fixture = useStoreAndBrowser(KIOSK_VIEWPORT);

  it('returns home after 90 s without a touch', async () => {
    const { page } = fixture.browser;
    // Playwright's fake clock lets the test skip the 90 s instead of waiting for them.
    await page.clock.install();
    await page.goto(fixture.app.kioskUrl);
    // This family reads English; the next one must get the store's default, zh-CN.
    await page.locator('.lang-switch button[data-lang="en"]').click();
    await expect.poll(() => page.locator('h1.kiosk-title').textContent()).toBe(en.kiosk.title);
    await page.getByTestId('age-6-8').click();
    await page.locator('.product-tile').first().click();
    await page.getByTestId('product-name').waitFor();

    await page.clock.runFor(60_000);
    expect(await page.getByTestId('product-name').count(), 'still on the product after 60 s').toBe(1);

    await page.clock.runFor(31_000);
    await page.getByTestId('product-grid').waitFor();
    expect(await page.getByTestId('product-name').count()).toBe(0);
    expect(await page.getByTestId('age-all').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.locator('h1.kiosk-title').textContent()).toBe(zh.kiosk.title);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    // The dashboard's remembered language is a separate choice, which the kiosk leaves alone.
    expect(await page.evaluate(() => localStorage.getItem('playaisle.lang'))).toBeNull();
  });

  it('opens a product from its URL', async () => {
    const { page } = fixture.browser;
    const product = await getJson<ProductView>(fixture.app, '/api/catalog/products/blk-001?lang=zh-CN');
    await page.goto(`${fixture.app.kioskUrl}#/product/blk-001`);
    await expect.poll(() => page.getByTestId('product-name').textContent()).toBe(product.name);
    // Back leads home, and home clears the product from the address.
    await page.getByTestId('back').click();
    await page.getByTestId('product-grid').waitFor();
    expect(await page.evaluate(() => window.location.hash)).toBe('');
  });

  it('puts an opened product in the URL', async () => {
    const { page } = fixture.browser;
    const tile = page.locator('.product-tile').first();
    const productId = await tile.getAttribute('data-product-id');
    await tile.click();
    await page.getByTestId('product-name').waitFor();
    expect(await page.evaluate(() => window.location.hash)).toBe(`#/product/${productId}`);
    await page.getByTestId('home').click();
    await page.getByTestId('product-grid').waitFor();
    expect(await page.evaluate(() => window.location.hash)).toBe('');
  });

  // Each row is a product link that leads nowhere: an id not in the catalog, and one that cannot be a catalog id.
  const missingLinks = [
    { hash: '#/product/nope-999', note: 'unknown id' },
    { hash: '#/product/%3Cscript%3E', note: 'malformed id' },
  ];
  for (const { hash, note } of missingLinks) {
    it(`explains a link with ${note}`, async () => {
      const { page } = fixture.browser;
      await page.goto(`${fixture.app.kioskUrl}${hash}`);
      const missing = page.getByTestId('product-missing');
      await missing.waitFor();
      expect(await missing.locator('h1').textContent()).toBe(zh.kiosk.productMissingTitle);
      expect(await page.locator('.kiosk-body .error-panel').count()).toBe(0);
      await saveScreenshot(page, `kiosk-product-missing-${note.replace(' ', '-')}`);
      await page.getByTestId('product-missing-home').click();
      await page.getByTestId('product-grid').waitFor();
    });
  }

  it('opens a product linked while open', async () => {
    const { page } = fixture.browser;
    // A new hash on a running kiosk, e.g. from a shelf QR code, opens that product.
    const product = await getJson<ProductView>(fixture.app, '/api/catalog/products/dol-001?lang=zh-CN');
    await page.evaluate(() => { window.location.hash = '#/product/dol-001'; });
    await expect.poll(() => page.getByTestId('product-name').textContent()).toBe(product.name);
  });
});
