/**
 * JSON shapes exchanged between the local API (main/api) and the screens
 * (renderer/). Types only: the renderer imports this file with `import type`.
 *
 * Every HTTP error body has the one shape `ApiErrorBody`.
 */

export interface ApiErrorBody {
  error: { code: string; message: string };
}

export type Lang = 'zh-CN' | 'en';

/** A display name in both dashboard languages, present when the store config gives both. */
export interface LocalizedNames {
  'zh-CN': string;
  en: string;
}

/** Camera health as shown on the dashboard. */
export type CameraState = 'starting' | 'running' | 'retrying' | 'failed' | 'stopped' | 'ended';

export interface CameraStatus {
  cameraId: string;
  /** English name, or the config's only name; the dashboard prefers `names` in its language. */
  name: string;
  names?: LocalizedNames;
  state: CameraState;
  /** Frames analysed since the source last (re)started. */
  framesAnalysed: number;
  /** Analysis rate over the last few seconds, frames per second. */
  fps: number;
  /** Machine-readable reason of the last failure, e.g. `source_unreachable`; null when healthy. */
  errorCode: string | null;
  /** Last failure in English for the log; the UI translates `errorCode`. */
  errorMessage: string | null;
  /** Epoch ms of the next retry while `state === 'retrying'`. */
  nextRetryAtMs: number | null;
  retries: number;
  backend: string | null;
  model: string | null;
}

export interface HourlyCount {
  /** Hour of the local day, 0–23. */
  hour: number;
  in: number;
  out: number;
}

export interface ZoneSummary {
  cameraId: string;
  zoneId: string;
  name: string;
  names?: LocalizedNames;
  /** People in the zone now. */
  occupancy: number;
  /** Visits that ended today. */
  visits: number;
  /** Mean dwell of the visits that ended today, milliseconds; 0 when none. */
  meanDwellMs: number;
}

export interface LineSummary {
  cameraId: string;
  lineId: string;
  name: string;
  names?: LocalizedNames;
  in: number;
  out: number;
}

export interface TrafficSummary {
  /** Local calendar day, YYYY-MM-DD. */
  date: string;
  /** Visitors in and out today over all entrance lines. */
  in: number;
  out: number;
  /** People seen now, summed over cameras. */
  occupancy: number;
  hourly: HourlyCount[];
  lines: LineSummary[];
  zones: ZoneSummary[];
  cameras: CameraStatus[];
  /**
   * Store-level failure the UI translates, e.g. `storage_full` while minutes
   * cannot be written (they are kept in memory and retried); null when healthy.
   */
  errorCode: string | null;
  /**
   * Problems found at start-up that a manager should fix, oldest first; empty
   * when there were none. They stay until the next start.
   */
  notices: StoreNotice[];
  /** Epoch ms when this summary was computed. */
  generatedAtMs: number;
}

/**
 * A start-up problem that leaves the app serving in a reduced way, e.g. a
 * rejected catalog file while the stored catalog keeps serving. The UI shows
 * translated text keyed `notices.<code>`.
 */
export interface StoreNotice {
  /**
   * `catalog_rejected`, `recommendations_unavailable` (a kiosk model failed to
   * fit), `heatmap_background_invalid` (missing or not a PNG),
   * `heatmap_background_wrong_size` (found at the first heatmap request, not
   * at start-up), `database_recovered` or `previous_run_interrupted` (the
   * last run was killed, so its open minute may be lost).
   */
  code: string;
  /** English text for the log and as a fallback; names the file and the fix. */
  message: string;
  /** Epoch ms when the problem was found. */
  atMs: number;
}

/** A toy as the kiosk shows it, already in the requested language. */
export interface ProductView {
  id: string;
  name: string;
  description: string;
  category: string;
  categoryLabel: string;
  brand: string;
  ageMinYears: number;
  ageMaxYears: number;
  /** Price in yuan (CNY). */
  priceYuan: number;
  aisle: string;
  stock: number;
  imageHue: number;
}

export interface Suggestion {
  product: ProductView;
  /** Explanation of the suggestion, in the requested language. */
  reason: string;
  score: number;
}

export interface CategoryView {
  id: string;
  label: string;
  count: number;
}

/** `GET /api/catalog/products` response. */
export interface ProductList {
  items: ProductView[];
  /** Matching products before `limit` and `offset`. */
  total: number;
}

/** A rectangle on the floor plan, in plan units, origin top-left. */
export interface FloorRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface StoreMapAisle extends FloorRect {
  id: string;
  label: string;
  /** Name drawn on the map, short enough to fit the aisle; equals `label` when the map file gives none. */
  shortLabel: string;
}

/** `GET /api/catalog/store-map` response; labels in the requested language. */
export interface StoreMapView {
  width: number;
  height: number;
  aisles: StoreMapAisle[];
  entrance: FloorRect;
  checkout: FloorRect;
}

/**
 * `POST /api/members/lookup` response. The kiosk is a public screen, so the
 * visit count is all it gets about a member.
 */
export interface MemberSummary {
  found: true;
  visits: number;
}

/** `POST /api/members/lookup` request body. */
export interface MemberLookupRequest {
  /** Loyalty code, `M` followed by 6 to 12 digits. */
  code: string;
}

/** `POST /api/rec/recommend` request body. */
export interface RecommendRequest {
  lang?: Lang;
  /** Product ids viewed or scanned in this visit, oldest first. */
  visitItems: string[];
  memberCode?: string;
  quiz?: { ageYears?: number; interests?: string[]; budgetYuan?: number };
  /** Number of suggestions; the server caps it. */
  k?: number;
}
