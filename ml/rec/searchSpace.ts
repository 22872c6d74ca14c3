/**
 * The standard search space: which components the hybrid may use and the
 * values tried for each setting. The first value of each list is the start
 * point of the coordinate search. Ranges are generic for interaction logs
 * (baskets, purchases, reviews), not fitted to one dataset.
 */
import { ContentTfidf, type ContentOptions } from './contentTfidf.js';
import { ItemKnn, type ItemKnnOptions } from './itemKnn.js';
import { Popularity, type PopularityOptions } from './popularity.js';
import { Rp3beta, type Rp3betaOptions } from './rp3beta.js';
import type { ComponentSpec } from './search.js';
import { SparseEase, type SparseEaseOptions } from './sparseEase.js';
import { Transitions, type TransitionOptions } from './transitions.js';
import { UserKnn, type UserKnnOptions } from './userKnn.js';

const transitions: ComponentSpec<TransitionOptions> = {
  name: 'transitions',
  create: (options) => new Transitions(options),
  grid: {
    window: [3, 1, 2, 5, 8, 12, 20],
    distanceDecay: [0.5, 0.25, 0.75, 1],
    backwardWeight: [0.5, 0, 0.25, 1],
    targetPopularityExponent: [0, 0.15, 0.3],
    recencyDecay: [0.5, 0.25, 0.75, 1],
    maxRecent: [5, 2, 10, 20],
    maxNeighbours: [100, 200],
    sharpening: [1, 0.7, 0.5, 1.5],
    sequenceRecencyDecay: [1, 0.9],
  },
};

const itemKnn: ComponentSpec<ItemKnnOptions> = {
  name: 'item_knn',
  create: (options) => new ItemKnn(options),
  grid: {
    shrinkage: [10, 0, 3, 30],
    recencyDecay: [0.8, 0.5, 0.9, 1],
    maxRecent: [20, 5, 10, 50],
    asymmetry: [0.5, 0.3, 0.7, 0.9],
    sharpening: [1, 0.7, 1.5, 2],
  },
};

const rp3beta: ComponentSpec<Rp3betaOptions> = {
  name: 'rp3beta',
  create: (options) => new Rp3beta(options),
  grid: {
    alpha: [0.5, 0.3, 0.7, 1],
    beta: [0.2, 0, 0.35, 0.5],
    recencyDecay: [0.5, 0.8, 1],
    maxRecent: [5, 10, 20],
  },
};

const userKnn: ComponentSpec<UserKnnOptions> = {
  name: 'user_knn',
  create: (options) => new UserKnn(options),
  grid: {
    neighbourUsers: [50, 20, 100, 200],
    shrinkage: [1, 0, 5],
    recencyDecay: [0.8, 0.5, 1],
    maxRecent: [20, 5],
    neighbourItemDecay: [1, 0.95, 0.8, 0.6],
    neighbourBackwardWeight: [1, 0.5, 0.25, 0],
  },
};

const sparseEase: ComponentSpec<SparseEaseOptions> = {
  name: 'sparse_ease',
  create: (options) => new SparseEase(options),
  grid: {
    l2: [20, 5, 100, 300],
    recencyDecay: [0.8, 0.5, 1],
    maxRecent: [20, 5],
  },
};

const content: ComponentSpec<ContentOptions> = {
  name: 'content_tfidf',
  create: (options) => new ContentTfidf(options),
  grid: {
    maxDocumentShare: [0.1, 0.02, 0.3],
    recencyDecay: [0.5, 0.25, 0.8],
    maxRecent: [5, 2, 10],
  },
};

const popularity: ComponentSpec<PopularityOptions> = {
  name: 'popularity',
  create: (options) => new Popularity(options),
  grid: {
    positionDecay: [1, 0.8, 0.5, 0.2],
  },
};

export const STANDARD_COMPONENTS: readonly ComponentSpec<object>[] = [transitions, itemKnn, userKnn, sparseEase, rp3beta, content, popularity] as ComponentSpec<object>[];
