/** Restores any saved model by the kind tag in its header. */
import { decodeModel } from './codec.js';
import { Hybrid } from './hybrid.js';
import { ItemKnn } from './itemKnn.js';
import { Popularity } from './popularity.js';
import type { ScoringRecommender } from './scoringModel.js';
import { ContentTfidf } from './contentTfidf.js';
import { Rp3beta } from './rp3beta.js';
import { SparseEase } from './sparseEase.js';
import { Transitions } from './transitions.js';
import { UserKnn } from './userKnn.js';
import { RecError, type Recommender } from './types.js';

export function loadComponent(bytes: Uint8Array): ScoringRecommender {
  const { kind } = decodeModel(bytes);
  switch (kind) {
    case 'popularity':
      return Popularity.load(bytes);
    case 'item_knn':
      return ItemKnn.load(bytes);
    case 'transitions':
      return Transitions.load(bytes);
    case 'user_knn':
      return UserKnn.load(bytes);
    case 'content_tfidf':
      return ContentTfidf.load(bytes);
    case 'sparse_ease':
      return SparseEase.load(bytes);
    case 'rp3beta':
      return Rp3beta.load(bytes);
    case 'hybrid':
      return Hybrid.load(bytes);
    default:
      throw new RecError('unknown_model_kind', `saved model kind "${String(kind)}" is not known to this version`);
  }
}

/** Loads bytes written by any model's `save()`. Throws `RecError` (`corrupt_model`, `unknown_model_kind`). */
export function loadRecommender(bytes: Uint8Array): Recommender {
  return loadComponent(bytes);
}
