/**
 * Kiosk recommendation API: `POST /api/rec/recommend`,
 * `GET /api/catalog/products/:id/together` and `POST /api/members/lookup`.
 * A member is known only by the loyalty code and visit counts. The code
 * travels in request bodies only, never in a URL, so it cannot reach access
 * logs or error logs that record the path.
 */
import { z } from 'zod';
import { catalogIdSchema, memberCodeSchema } from '../catalog/catalogSchema.js';
import type { CatalogStore } from '../catalog/catalogStore.js';
import { MemberLookupLimiter } from '../rec/memberLookupLimiter.js';
import { MAX_RECOMMENDATIONS, type RecommendationService } from '../rec/recommendationService.js';
import { parseIntParam, parseLang, requireProduct } from './catalogRoutes.js';
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
  // NOTE: this field is not rate-limited, because the kiosk sends it with every
  // visit change. It reveals no purchase and no "found", only a changed list.
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

const memberLookupSchema = z.strictObject({ code: memberCodeSchema });

export interface RecRouteDeps {
  catalog: CatalogStore;
  /** Null when fitting failed at start; the recommendation routes then return 503 `recommender_unavailable`. */
  recommendations: RecommendationService | null;
  /** Rate limit of `POST /api/members/lookup`. When absent, each registration creates its own. */
  memberLookupLimiter?: MemberLookupLimiter | undefined;
}

/** Registers `/api/rec/recommend`, `/api/catalog/products/:id/together` and `/api/members/lookup`. */
export function registerRecRoutes(router: Router, deps: RecRouteDeps): void {
  const requireService = (): RecommendationService => {
    if (deps.recommendations) return deps.recommendations;
    throw new ApiError(503, 'recommender_unavailable', 'Recommendations are not available because fitting failed at start; see the log.');
  };

  router.post('/api/rec/recommend', async ({ req }) => {
    const body = parseBody(recommendRequestSchema, await readJsonBody(req), 'recommendation request');
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

  const limiter = deps.memberLookupLimiter ?? new MemberLookupLimiter();
  router.post('/api/members/lookup', async ({ req, res }) => {
    // The limit counts every attempt, valid or not, so malformed guesses are throttled too.
    const decision = limiter.tryAcquire();
    if (!decision.allowed) {
      const retryAfterSeconds = Math.ceil(decision.retryAfterMs / 1000);
      res.setHeader('retry-after', String(retryAfterSeconds));
      throw new ApiError(429, 'too_many_requests', `Too many member look-ups on this kiosk. Try again in ${retryAfterSeconds} s.`);
    }
    // The code is not echoed in any message, so it cannot reach a log through an error.
    const { code } = parseBody(memberLookupSchema, await readJsonBody(req), 'member look-up');
    const summary = deps.catalog.getMemberSummary(code);
    if (!summary) throw new ApiError(404, 'member_not_found', 'No purchases are recorded for this member code.');
    return summary;
  });
}

/** Validates a JSON body. A failure is 400 `invalid_parameter` naming the first bad field, without its value. */
function parseBody<T>(schema: z.ZodType<T>, body: unknown, bodyName: string): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map(String).join('.') || '(body)';
  throw new ApiError(400, 'invalid_parameter', `Invalid ${bodyName}: ${field}: ${issue.message}.`);
}
