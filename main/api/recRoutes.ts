/**
 * Kiosk recommendation API: `POST /api/rec/recommend`,
 * `GET /api/catalog/products/:id/together` and `GET /api/members/:code`.
 * A member is known only by the loyalty code and visit counts.
 */
import { z } from 'zod';
import { catalogIdSchema, memberCodeSchema } from '../catalog/catalogSchema.js';
import type { CatalogStore } from '../catalog/catalogStore.js';
import { MAX_RECOMMENDATIONS, type RecommendationService } from '../rec/recommendationService.js';
import { invalidParameter, parseIntParam, parseLang, requireProduct } from './catalogRoutes.js';
import { ApiError, readJsonBody, type Router } from './router.js';

export const DEFAULT_RECOMMENDATIONS = 12;
export const DEFAULT_TOGETHER_LIMIT = 6;
export const MAX_TOGETHER_LIMIT = 50;
/** Max product ids in `visitItems`; a kiosk visit rarely opens more than a few dozen toys. */
export const MAX_VISIT_ITEMS = 100;
export const MAX_INTERESTS = 10;

const recommendRequestSchema = z.strictObject({
  lang: z.enum(['zh-CN', 'en']).optional(),
  visitItems: z.array(catalogIdSchema).max(MAX_VISIT_ITEMS, `must have at most ${MAX_VISIT_ITEMS} items`),
  memberCode: memberCodeSchema.optional(),
  quiz: z
    .strictObject({
      ageYears: z.int().min(0).max(99).optional(),
      interests: z.array(z.string().trim().min(1).max(40)).max(MAX_INTERESTS).optional(),
      budgetYuan: z.number().positive().max(100_000).optional(),
    })
    .optional(),
  k: z.int().min(1).max(MAX_RECOMMENDATIONS).optional(),
});

export interface RecRouteDeps {
  catalog: CatalogStore;
  /** Null when fitting failed at start; the recommendation routes then return 503 `recommender_unavailable`. */
  recommendations: RecommendationService | null;
}

/** Registers `/api/rec/recommend`, `/api/catalog/products/:id/together` and `/api/members/:code`. */
export function registerRecRoutes(router: Router, deps: RecRouteDeps): void {
  const requireService = (): RecommendationService => {
    if (deps.recommendations) return deps.recommendations;
    throw new ApiError(503, 'recommender_unavailable', 'Recommendations are not available because fitting failed at start; see the log.');
  };

  router.post('/api/rec/recommend', async ({ req }) => {
    const parsed = recommendRequestSchema.safeParse(await readJsonBody(req));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.map(String).join('.') || '(body)';
      throw new ApiError(400, 'invalid_parameter', `Invalid recommendation request: ${field}: ${issue.message}.`);
    }
    const body = parsed.data;
    return requireService().recommend({
      lang: body.lang ?? 'zh-CN',
      visitItems: body.visitItems,
      memberCode: body.memberCode,
      quiz: body.quiz,
      k: body.k ?? DEFAULT_RECOMMENDATIONS,
    });
  });

  router.get('/api/catalog/products/:id/together', ({ url, params }) => {
    const lang = parseLang(url);
    const limit = parseIntParam(url, 'limit', { min: 1, max: MAX_TOGETHER_LIMIT }) ?? DEFAULT_TOGETHER_LIMIT;
    requireProduct(deps.catalog, params.id!, lang);
    return requireService().boughtTogether(params.id!, lang, limit);
  });

  router.get('/api/members/:code', ({ params }) => {
    const code = params.code!;
    if (!memberCodeSchema.safeParse(code).success) throw invalidParameter('member code', code, 'M followed by 6-12 digits');
    const summary = deps.catalog.getMemberSummary(code);
    if (!summary) throw new ApiError(404, 'member_not_found', `No purchases are recorded for member code ${code}.`);
    return summary;
  });
}
