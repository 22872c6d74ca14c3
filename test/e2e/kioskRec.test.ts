// The kiosk's recommendation screens in Chromium against the real server:
// the for-you row, the often-bought-together row, the quiz, the member
// look-up and "start over". Expected lists come from the same API the
// screen calls, so the checks follow the fitted models, not fixed ids.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberSummary, ProductList, ProductView, RecommendRequest, Suggestion } from '../../main/api/wire.js';
import { FOR_YOU_COUNT, FOR_YOU_REQUEST_COUNT, SIMILAR_LIMIT, TOGETHER_LIMIT } from '../../renderer/src/kiosk/suggestionLimits.js';
import { getJson, startTestApp, type RunningApp } from './support/app.js';
import { launchBrowser, saveScreenshot, type TestBrowser } from './support/browser.js';
import { REPO_ROOT, ensureScreensBuilt } from './support/screens.js';
import { createDataDir, testStoreConfig } from './support/store.js';

/** A landscape kiosk touchscreen. */
const KIOSK_VIEWPORT = { width: 1280, height: 800 };
const QUIZ_AGE_YEARS = 4;
const QUIZ_BUDGET_YUAN = 100;
const QUIZ_INTEREST = 'plush';

/** Member codes in the demo baskets that the server imports at start. */
function demoMemberCodes(): Set<string> {
  const file = JSON.parse(readFileSync(join(REPO_ROOT, 'assets/catalog/baskets.json'), 'utf8')) as { baskets: Array<{ memberCode: string | null }> };
  return new Set(file.baskets.map((basket) => basket.memberCode).filter((code): code is string => code !== null));
}

/**
 * The for-you row as the screen should draw it: the API's list for the same
 * request, without the toys in `excludedIds` (the product page's other two
 * rows), cut to the row's length.
 */
async function expectedForYou(app: RunningApp, request: Omit<RecommendRequest, 'k'>, excludedIds: readonly string[] = []): Promise<Suggestion[]> {
  const response = await fetch(new URL('/api/rec/recommend', app.url), {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...request, k: FOR_YOU_REQUEST_COUNT }),
  });
  if (!response.ok) throw new Error(`POST /api/rec/recommend returned HTTP ${response.status}: ${await response.text()}`);
  const all = (await response.json()) as Suggestion[];
  return all.filter((suggestion) => !excludedIds.includes(suggestion.product.id)).slice(0, FOR_YOU_COUNT);
}

/** Product ids and reasons of a suggestion row once it stopped loading, or [] when the row is not drawn. */
async function rowTiles(page: Page, testId: string): Promise<Array<{ id: string; reason: string }>> {
  const row = page.getByTestId(testId);
  if (await row.count() === 0) return [];
  await page.locator(`[data-testid="${testId}"][aria-busy="false"]`).waitFor();
  return row.locator('.product-tile').evaluateAll((tiles) => tiles.map((tile) => ({
    id: tile.getAttribute('data-product-id') ?? '',
    reason: tile.querySelector('[data-testid="tile-reason"]')?.textContent ?? '',
  })));
}

async function rowIds(page: Page, testId: string): Promise<string[]> {
  return (await rowTiles(page, testId)).map((tile) => tile.id);
}

/** Ids that the product page's together and similar rows show, from the API, as the for-you row leaves them out. */
async function productRowIds(app: RunningApp, productId: string): Promise<string[]> {
  const together = await getJson<Suggestion[]>(app, `/api/catalog/products/${productId}/together?lang=zh-CN&limit=${TOGETHER_LIMIT}`);
  const similar = await getJson<Suggestion[]>(app, `/api/catalog/products/${productId}/similar?lang=zh-CN&limit=${SIMILAR_LIMIT}`);
  return [...together, ...similar].map((suggestion) => suggestion.product.id);
}

async function typeMemberDigits(page: Page, digits: string): Promise<void> {
  await page.getByTestId('pad-clear').click();
  for (const digit of digits) await page.getByTestId(`pad-${digit}`).click();
}

/** Buttons on screen narrower or lower than 48 px, as "text width×height". */
async function smallTouchTargets(page: Page): Promise<string[]> {
  return page.locator('button').evaluateAll((buttons) => buttons
    .map((button) => ({ text: button.textContent, rect: button.getBoundingClientRect() }))
    .filter(({ rect }) => rect.width > 0 && (rect.height < 48 || rect.width < 48))
    .map(({ text, rect }) => `${text} ${rect.width}×${rect.height}`));
}

describe('kiosk recommendations', () => {
  let data: ReturnType<typeof createDataDir>;
  let app: RunningApp;
  let browser: TestBrowser;
  /** Toys opened in the visit test, oldest first. */
  const opened: ProductView[] = [];

  beforeAll(async () => {
    await ensureScreensBuilt();
    data = createDataDir();
    app = await startTestApp(data.dataDir, testStoreConfig(data.dataDir));
    browser = await launchBrowser(KIOSK_VIEWPORT);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    data?.remove();
  });

  it('hides the for-you row before a tap', async () => {
    const { page } = browser;
    await page.goto(app.kioskUrl);
    await page.locator('[data-testid="results"][aria-busy="false"]').waitFor();
    expect(await page.getByTestId('for-you-row').count()).toBe(0);
    expect(await page.getByTestId('start-over').count()).toBe(0);
    expect(await page.getByTestId('open-quiz').isVisible()).toBe(true);
    expect(await page.getByTestId('open-member').isVisible()).toBe(true);
    expect(await smallTouchTargets(page)).toEqual([]);
  });

  it('refreshes for-you after each product', async () => {
    const { page } = browser;
    const firstId = await page.getByTestId('product-grid').locator('.product-tile').first().getAttribute('data-product-id');
    await page.locator(`.product-grid .product-tile[data-product-id="${firstId}"]`).click();
    await page.getByTestId('product-name').waitFor();
    opened.push(await getJson<ProductView>(app, `/api/catalog/products/${firstId}?lang=zh-CN`));
    const afterOne = await expectedForYou(app, { lang: 'zh-CN', visitItems: [firstId!] }, await productRowIds(app, firstId!));
    await expect.poll(() => rowIds(page, 'for-you-row')).toEqual(afterOne.map((s) => s.product.id));
    expect(afterOne.length, 'the row is not empty').toBeGreaterThan(0);

    // The second toy is one a parent would tap next: the first of the similar row.
    const similarTile = page.getByTestId('similar-row').locator('.product-tile').first();
    await similarTile.waitFor();
    const secondId = await similarTile.getAttribute('data-product-id');
    await similarTile.click();
    await expect.poll(() => page.locator('article.product-page').getAttribute('data-product-id')).toBe(secondId);
    opened.push(await getJson<ProductView>(app, `/api/catalog/products/${secondId}?lang=zh-CN`));
    const afterTwo = await expectedForYou(app, { lang: 'zh-CN', visitItems: [firstId!, secondId!] }, await productRowIds(app, secondId!));
    await expect.poll(() => rowIds(page, 'for-you-row')).toEqual(afterTwo.map((s) => s.product.id));
    expect(afterTwo.map((s) => s.product.id), 'the second toy changed the suggestions').not.toEqual(afterOne.map((s) => s.product.id));
  });

  it('shows the often-bought-together row', async () => {
    const { page } = browser;
    const productId = opened[1]!.id;
    const together = await getJson<Suggestion[]>(app, `/api/catalog/products/${productId}/together?lang=zh-CN&limit=${TOGETHER_LIMIT}`);
    if (together.length === 0) {
      // A toy in no basket gets no row rather than an empty one.
      await page.getByTestId('similar-row').locator('.product-tile').first().waitFor();
      expect(await page.getByTestId('together-row').count()).toBe(0);
    } else {
      await expect.poll(() => rowIds(page, 'together-row')).toEqual(together.map((s) => s.product.id));
      expect(await page.getByTestId('together-row').locator('h2').textContent()).toBe('经常一起购买');
    }
    await saveScreenshot(page, 'kiosk-rec-product-zh');
  });

  it('explains for-you with the opened toys', async () => {
    const { page } = browser;
    await page.getByTestId('home').click();
    await page.locator('[data-testid="results"][aria-busy="false"]').waitFor();
    const expected = await expectedForYou(app, { lang: 'zh-CN', visitItems: opened.map((product) => product.id) });
    await expect.poll(() => rowIds(page, 'for-you-row')).toEqual(expected.map((s) => s.product.id));
    const tiles = await rowTiles(page, 'for-you-row');
    expect(tiles.length).toBeGreaterThan(0);
    expect(await page.getByTestId('for-you-row').locator('h2').textContent()).toBe('为你推荐');
    for (const tile of tiles) expect(tile.reason.trim().length, `reason of ${tile.id}`).toBeGreaterThan(0);

    const openedNames = opened.map((product) => product.name);
    const naming = tiles.filter((tile) => openedNames.some((name) => tile.reason.includes(name)));
    expect(naming.length, `a reason names ${openedNames.join(' or ')}`).toBeGreaterThan(0);

    const openedIds = opened.map((product) => product.id);
    expect(tiles.filter((tile) => openedIds.includes(tile.id)), 'opened toys are not suggested again').toEqual([]);
    const popular = await getJson<ProductList>(app, `/api/catalog/products?lang=zh-CN&sort=popular&limit=${tiles.length}`);
    expect(tiles.map((tile) => tile.id)).not.toEqual(popular.items.map((product) => product.id));
    await saveScreenshot(page, 'kiosk-rec-home-zh');
  });

  it('starts over with nothing left', async () => {
    const { page } = browser;
    await page.getByTestId('start-over').click();
    await page.locator('[data-testid="results"][aria-busy="false"]').waitFor();
    expect(await page.getByTestId('for-you-row').count()).toBe(0);
    expect(await page.getByTestId('start-over').count()).toBe(0);
    const stored = await page.evaluate(() => [...Object.keys(window.localStorage), ...Object.keys(window.sessionStorage)]);
    expect(stored.filter((key) => key !== 'playaisle.lang'), 'nothing but the language choice is stored').toEqual([]);
  });

  it('lets quiz answers drive the row', async () => {
    const { page } = browser;
    await page.getByTestId('open-quiz').click();
    await page.getByTestId('quiz-screen').waitFor();
    expect(await page.getByTestId('for-you-row').count(), 'no row before an answer').toBe(0);

    await page.getByTestId(`quiz-age-${QUIZ_AGE_YEARS}`).click();
    const byAge = await expectedForYou(app, { lang: 'zh-CN', visitItems: [], quiz: { ageYears: QUIZ_AGE_YEARS } });
    await expect.poll(() => rowIds(page, 'for-you-row')).toEqual(byAge.map((s) => s.product.id));

    await page.getByTestId(`quiz-budget-${QUIZ_BUDGET_YUAN}`).click();
    await page.getByTestId(`quiz-interest-${QUIZ_INTEREST}`).click();
    const label = await page.getByTestId(`quiz-interest-${QUIZ_INTEREST}`).textContent();
    const quiz = { ageYears: QUIZ_AGE_YEARS, budgetYuan: QUIZ_BUDGET_YUAN, interests: [label!] };
    const answered = await expectedForYou(app, { lang: 'zh-CN', visitItems: [], quiz });
    expect(answered.map((s) => s.product.id), 'budget and interest changed the list').not.toEqual(byAge.map((s) => s.product.id));
    await expect.poll(() => rowIds(page, 'for-you-row')).toEqual(answered.map((s) => s.product.id));

    const tiles = await page.getByTestId('for-you-row').locator('.product-tile').evaluateAll((elements) => elements.map((tile) => ({
      id: tile.getAttribute('data-product-id'),
      category: tile.getAttribute('data-category'),
      min: Number(tile.getAttribute('data-age-min')),
      max: Number(tile.getAttribute('data-age-max')),
      price: Number(tile.getAttribute('data-price-yuan')),
    })));
    expect(tiles.length).toBeGreaterThan(0);
    for (const tile of tiles) {
      expect(tile.min, `${tile.id} minimum age`).toBeLessThanOrEqual(QUIZ_AGE_YEARS);
      expect(tile.max, `${tile.id} maximum age`).toBeGreaterThanOrEqual(QUIZ_AGE_YEARS);
      expect(tile.price, `${tile.id} price`).toBeLessThanOrEqual(QUIZ_BUDGET_YUAN);
    }
    expect(tiles.filter((tile) => tile.category === QUIZ_INTEREST).length, 'the interest leads to plush toys').toBeGreaterThan(0);
    expect(await smallTouchTargets(page)).toEqual([]);
    await saveScreenshot(page, 'kiosk-rec-quiz-zh');

    await page.getByTestId('quiz-done').click();
    await expect.poll(() => rowIds(page, 'for-you-row')).toEqual(answered.map((s) => s.product.id));
  });

  it('welcomes a member from the baskets', async () => {
    const { page } = browser;
    await page.getByTestId('start-over').click();
    const [code] = [...demoMemberCodes()];
    expect(code, 'the demo baskets have member codes').toBeDefined();
    const summary = await getJson<MemberSummary>(app, `/api/members/${code}`);

    await page.getByTestId('open-member').click();
    await page.getByTestId('member-screen').waitFor();
    const digits = code!.slice(1);
    await typeMemberDigits(page, digits.slice(0, 5));
    expect(await page.getByTestId('member-submit').isDisabled(), 'five digits are too few').toBe(true);
    expect(await smallTouchTargets(page)).toEqual([]);
    await saveScreenshot(page, 'kiosk-rec-member-pad-zh');

    await typeMemberDigits(page, digits);
    expect(await page.getByTestId('member-code').textContent()).toBe(code);
    await page.getByTestId('member-submit').click();
    await page.getByTestId('member-welcome').waitFor();
    expect(await page.getByTestId('member-welcome').textContent()).toContain(String(summary.visits));
    expect(await page.getByTestId('member-welcome').textContent(), 'the code is not shown back').not.toContain(code);

    const forMember = await expectedForYou(app, { lang: 'zh-CN', visitItems: [], memberCode: code });
    await expect.poll(() => rowIds(page, 'for-you-row')).toEqual(forMember.map((s) => s.product.id));
    await saveScreenshot(page, 'kiosk-rec-member-zh');
  });

  it('explains an unknown member code kindly', async () => {
    const { page } = browser;
    const known = demoMemberCodes();
    const unknown = ['999999', '000001', '123456'].find((digits) => !known.has(`M${digits}`))!;
    await page.getByTestId('member-forget').click();
    await typeMemberDigits(page, unknown);
    await page.getByTestId('member-submit').click();
    const message = page.getByTestId('member-message');
    await message.waitFor();
    expect(await message.getAttribute('data-reason')).toBe('not_found');
    expect(await message.textContent()).toContain('没有找到这个会员号');
    expect(await page.getByTestId('for-you-row').count()).toBe(0);

    // Typing again clears the message for the next try.
    await page.getByTestId('pad-delete').click();
    expect(await message.count()).toBe(0);
  });

  it('shows the screens in English', async () => {
    const { page } = browser;
    await page.locator('.lang-switch button[data-lang="en"]').click();
    await page.getByTestId('home').click();
    await page.getByTestId('open-quiz').click();
    await page.getByTestId('quiz-age-6').click();
    await page.getByTestId('quiz-budget-200').click();
    await expect.poll(async () => (await rowTiles(page, 'for-you-row')).length).toBeGreaterThan(0);
    expect(await page.getByTestId('for-you-row').locator('h2').textContent()).toBe('For you');
    await saveScreenshot(page, 'kiosk-rec-quiz-en');

    await page.getByTestId('quiz-done').click();
    const firstTile = page.getByTestId('for-you-row').locator('.product-tile').first();
    await firstTile.click();
    await page.getByTestId('product-name').waitFor();
    await expect.poll(async () => (await rowTiles(page, 'for-you-row')).length).toBeGreaterThan(0);
    await saveScreenshot(page, 'kiosk-rec-product-en');

    await page.getByTestId('home').click();
    await page.getByTestId('open-member').click();
    await typeMemberDigits(page, '999999');
    await page.getByTestId('member-submit').click();
    await page.getByTestId('member-message').waitFor();
    expect(await page.getByTestId('member-message').textContent()).toMatch(/^We could not find this member code\./);
    await saveScreenshot(page, 'kiosk-rec-member-en');

    await page.getByTestId('home').click();
    await page.locator('[data-testid="results"][aria-busy="false"]').waitFor();
    await saveScreenshot(page, 'kiosk-rec-home-en');
  });

  it('offers a retry when recommendations fail', async () => {
    const { page } = browser;
    // The route handler plays a recommender whose fit failed at start, because the real server has no switch for that.
    await page.route('**/api/rec/recommend', (route) => route.fulfill({
      status: 503,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'recommender_unavailable', message: 'Injected failure.' } }),
    }));
    await page.getByTestId('open-quiz').click();
    await page.getByTestId('quiz-age-3').click();
    const panel = page.getByTestId('for-you-row').locator('.error-panel');
    await panel.waitFor();
    expect(await panel.getAttribute('data-error-code')).toBe('recommender_unavailable');
    expect(await panel.locator('p').textContent()).toBe('Suggestions are not available right now. You can still browse all toys.');

    await page.unroute('**/api/rec/recommend');
    await panel.getByRole('button').click();
    await expect.poll(async () => (await rowTiles(page, 'for-you-row')).length).toBeGreaterThan(0);
  });

  it('offers a retry when look-up fails', async () => {
    const { page } = browser;
    // The route handler drops the request, as when the store computer cannot be reached.
    await page.route('**/api/members/**', (route) => route.abort('connectionrefused'));
    await page.getByTestId('home').click();
    await page.getByTestId('open-member').click();
    await typeMemberDigits(page, '999999');
    await page.getByTestId('member-submit').click();
    const panel = page.getByTestId('member-screen').locator('.error-panel');
    await panel.waitFor();
    expect(await panel.getAttribute('data-error-code')).toBe('network_error');
    expect(await panel.locator('p').textContent()).toBe('Cannot reach the store computer. Check that PlayAisle is running.');

    await page.unroute('**/api/members/**');
    await panel.getByRole('button').click();
    await page.getByTestId('member-message').waitFor();
    expect(await page.getByTestId('member-message').getAttribute('data-reason')).toBe('not_found');
    // Only the failures this file caused were reported in the console.
    const unexpected = browser.pageErrors.filter((message) => !/503|404|member look-up failed|ERR_CONNECTION_REFUSED/.test(message));
    expect(unexpected).toEqual([]);
  });

  it('forgets the visit after 90 s idle', async () => {
    // A second page, because Playwright's fake clock must be installed before the page loads.
    const page = await browser.context.newPage();
    try {
      await page.clock.install();
      await page.goto(app.kioskUrl);
      await page.getByTestId('open-member').click();
      const [code] = [...demoMemberCodes()];
      await typeMemberDigits(page, code!.slice(1));
      await page.getByTestId('member-submit').click();
      await page.getByTestId('member-welcome').waitFor();
      await page.getByTestId('home').click();
      await page.getByTestId('for-you-row').waitFor();

      await page.clock.runFor(91_000);
      await page.locator('[data-testid="results"][aria-busy="false"]').waitFor();
      expect(await page.getByTestId('for-you-row').count()).toBe(0);
      await page.getByTestId('open-member').click();
      expect(await page.getByTestId('member-welcome').count(), 'the member code is forgotten').toBe(0);
      expect(await page.getByTestId('member-code').textContent()).not.toContain(code!.slice(1));
    } finally {
      await page.close();
    }
  });
});
