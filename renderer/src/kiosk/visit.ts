// One family's visit at the kiosk: the toys opened, the quiz answers and the
// member found. It lives in React state only and is never written to
// localStorage or sent anywhere but the local API, so the next family starts
// from nothing after "start over" or the idle reset.
import type { Lang, RecommendRequest } from '../../../main/api/wire.js';
import { hasAnswers, NO_ANSWERS, toRequestQuiz, type QuizAnswers } from './quiz.js';
import { FOR_YOU_REQUEST_COUNT } from './suggestionLimits.js';

/** A member code that the API found, with the visit count shown in the welcome. */
export interface VisitMember {
  code: string;
  visits: number;
}

export interface Visit {
  /** Product ids opened in this visit, oldest first. A toy opened again moves to the end. */
  viewedIds: readonly string[];
  quiz: QuizAnswers;
  member: VisitMember | null;
}

export const EMPTY_VISIT: Visit = { viewedIds: [], quiz: NO_ANSWERS, member: null };

/** Max ids kept per visit, newest kept, because the recommend API accepts at most 100. */
export const MAX_VIEWED_IDS = 100;


export type VisitAction =
  | { type: 'viewed'; productId: string }
  | { type: 'quiz'; answers: QuizAnswers }
  | { type: 'member'; member: VisitMember | null }
  | { type: 'reset' };

export function visitReducer(visit: Visit, action: VisitAction): Visit {
  switch (action.type) {
    case 'viewed': {
      const others = visit.viewedIds.filter((id) => id !== action.productId);
      return { ...visit, viewedIds: [...others, action.productId].slice(-MAX_VIEWED_IDS) };
    }
    case 'quiz':
      return { ...visit, quiz: action.answers };
    case 'member':
      return { ...visit, member: action.member };
    case 'reset':
      return EMPTY_VISIT;
  }
}

/** True once the visit has anything to recommend from or to clear. */
export function hasVisitSignal(visit: Visit): boolean {
  return visit.viewedIds.length > 0 || hasAnswers(visit.quiz) || visit.member !== null;
}

/**
 * Builds the `POST /api/rec/recommend` body for the for-you row, or null
 * before the first tap, so the row is hidden instead of repeating the
 * popular list that the home screen already shows.
 */
export function recommendRequest(visit: Visit, lang: Lang): RecommendRequest | null {
  if (!hasVisitSignal(visit)) return null;
  const request: RecommendRequest = { lang, visitItems: [...visit.viewedIds], k: FOR_YOU_REQUEST_COUNT };
  if (visit.member) request.memberCode = visit.member.code;
  const quiz = toRequestQuiz(visit.quiz);
  if (quiz) request.quiz = quiz;
  return request;
}
