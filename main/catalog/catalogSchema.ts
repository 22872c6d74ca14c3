/**
 * Schemas of the catalog files in assets/catalog and assets/store. Every
 * string has a length limit and every number a range, so a malformed or
 * hostile file is rejected before anything reaches the database.
 */
import { z } from 'zod';

/** Max toys in one catalog: 50x the demo, far below what would slow the import. */
export const MAX_TOYS = 10_000;
/** Max baskets in one file: about 100 baskets a day for 3 years. */
export const MAX_BASKETS = 100_000;
export const MAX_BASKET_ITEMS = 50;
export const MAX_NAME_CHARS = 120;
export const MAX_DESCRIPTION_CHARS = 600;
export const MAX_TAGS = 20;
/** Upper end of an age range meaning "no upper limit", as in "15+". */
export const MAX_AGE_YEARS = 99;
export const MAX_PRICE_YUAN = 100_000;
export const MAX_STOCK = 1_000_000;
/** Max characters of an aisle's map label; a 1.5 m wide aisle fits about 5 Chinese or 9 Latin characters. */
export const MAX_SHORT_LABEL_CHARS = 12;

/** ASCII and Unicode control characters; they have no place in product text and can corrupt logs. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;

function text(maxChars: number) {
  return z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(maxChars, `must be at most ${maxChars} characters`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), 'must not contain control characters or line breaks');
}

/** Lower-case letters, digits and hyphens, as in `blk-001`. */
export const catalogIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1-40 lower-case letters, digits or hyphens, starting with a letter or digit');
const aisleIdSchema = z.string().regex(/^[A-Z][0-9]{2}$/, 'must be a letter and two digits, e.g. A03');

function localized(maxChars: number) {
  return z.strictObject({ 'zh-CN': text(maxChars), en: text(maxChars) });
}

export const toySchema = z
  .strictObject({
    id: catalogIdSchema,
    name: localized(MAX_NAME_CHARS),
    description: localized(MAX_DESCRIPTION_CHARS),
    category: catalogIdSchema,
    brand: localized(60),
    tags: z.array(catalogIdSchema).max(MAX_TAGS, `must have at most ${MAX_TAGS} tags`),
    /**
     * True for an add-on that is no toy by itself (batteries, puzzle glue,
     * dart refills). The kiosk shows it as "often bought together" only,
     * never in age, quiz or popularity lists. Absent means false.
     */
    accessory: z.boolean().optional(),
    ageMinYears: z.int().min(0).max(MAX_AGE_YEARS),
    ageMaxYears: z.int().min(0).max(MAX_AGE_YEARS),
    priceYuan: z.number().positive().max(MAX_PRICE_YUAN),
    aisle: aisleIdSchema,
    stock: z.int().min(0, 'must not be negative').max(MAX_STOCK),
    imageHue: z.int().min(0).max(359),
  })
  .refine((toy) => toy.ageMinYears <= toy.ageMaxYears, {
    message: 'ageMinYears must not be greater than ageMaxYears',
    path: ['ageMinYears'],
  });

export const toysFileSchema = z.strictObject({
  version: z.literal(1),
  toys: z.array(toySchema).min(1, 'must contain at least one toy').max(MAX_TOYS),
});

export const categoriesFileSchema = z.strictObject({
  version: z.literal(1),
  categories: z
    .array(z.strictObject({ id: catalogIdSchema, label: localized(40), aisle: aisleIdSchema }))
    .min(1, 'must contain at least one category')
    .max(200),
});

/** A rectangle on the floor plan, in plan units (metres in the demo map), origin top-left. */
const rectSchema = {
  x: z.number().min(0).max(10_000),
  y: z.number().min(0).max(10_000),
  w: z.number().positive().max(10_000),
  h: z.number().positive().max(10_000),
};

export const storeMapFileSchema = z.strictObject({
  version: z.literal(1),
  unit: z.enum(['metre']),
  width: z.number().positive().max(10_000),
  height: z.number().positive().max(10_000),
  aisles: z
    .array(
      z.strictObject({
        id: aisleIdSchema,
        label: localized(40),
        /** Name drawn on the map; the full `label` is in the sentence under it. Absent means the map draws `label`. */
        shortLabel: localized(MAX_SHORT_LABEL_CHARS).optional(),
        ...rectSchema,
      }),
    )
    .min(1)
    .max(500),
  entrance: z.strictObject({ label: localized(40), ...rectSchema }),
  checkout: z.strictObject({ label: localized(40), ...rectSchema }),
});

/** Loyalty member code: `M` and 6-12 digits. Nothing else about the shopper is stored. */
export const memberCodeSchema = z.string().regex(/^M[0-9]{6,12}$/, 'must be M followed by 6-12 digits');

export const basketSchema = z.strictObject({
  id: z.string().regex(/^B[0-9]{1,9}$/, 'must be B followed by up to 9 digits'),
  at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'must be a local time YYYY-MM-DDTHH:mm'),
  memberCode: memberCodeSchema.nullable(),
  items: z.array(catalogIdSchema).min(1, 'must contain at least one item').max(MAX_BASKET_ITEMS),
});

export const basketsFileSchema = z.strictObject({
  version: z.literal(1),
  synthetic: z.boolean(),
  seed: z.int().min(0).optional(),
  baskets: z.array(basketSchema).max(MAX_BASKETS),
});

export type Toy = z.infer<typeof toySchema>;
export type ToysFile = z.infer<typeof toysFileSchema>;
export type CategoriesFile = z.infer<typeof categoriesFileSchema>;
export type Category = CategoriesFile['categories'][number];
export type StoreMapFile = z.infer<typeof storeMapFileSchema>;
export type Basket = z.infer<typeof basketSchema>;
export type BasketsFile = z.infer<typeof basketsFileSchema>;

/** The four catalog files after validation and cross-checks. */
export interface CatalogBundle {
  toys: Toy[];
  categories: Category[];
  storeMap: StoreMapFile;
  baskets: Basket[];
}
