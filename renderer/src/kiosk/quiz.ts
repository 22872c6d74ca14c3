// Quiz answers for the for-you row: the child's age, interests and a budget.
// The quiz asks nothing about gender and no name.
import type { RecommendRequest } from '../../../main/api/wire.js';

/** A category the parent tapped, with its label in the language shown at the time. */
export interface QuizInterest {
  id: string;
  label: string;
}

export interface QuizAnswers {
  /** Child's age in whole years, where `OLDEST_AGE_CHOICE` means that age or older. Null when not answered. */
  ageYears: number | null;
  /** Categories in the order they were tapped. */
  interests: readonly QuizInterest[];
  /** Upper price limit in yuan. Null when not answered or "any price". */
  budgetYuan: number | null;
}

export const NO_ANSWERS: QuizAnswers = { ageYears: null, interests: [], budgetYuan: null };

/**
 * The age chips run from 0 (under one year) to this age, shown as "N+".
 * The catalog's age ranges change little after 12, so older single ages
 * would only add chips.
 */
export const OLDEST_AGE_CHOICE = 13;
export const AGE_CHOICES: readonly number[] = Array.from({ length: OLDEST_AGE_CHOICE + 1 }, (_, age) => age);

/**
 * Budget chips: upper limits in yuan. They split the demo catalog's prices
 * (¥15 to ¥699) into bands of useful size. A store with dearer toys would
 * want a higher top band.
 */
export const BUDGET_CHOICES_YUAN: readonly number[] = [50, 100, 200, 500];

/** Max interests a parent can pick, because the recommend API accepts at most 10. */
export const MAX_INTERESTS = 10;

/** Adds the category when it is not picked yet and removes it when it is. A pick over MAX_INTERESTS is ignored. */
export function toggleInterest(answers: QuizAnswers, interest: QuizInterest): QuizAnswers {
  const picked = answers.interests.some((item) => item.id === interest.id);
  if (picked) return { ...answers, interests: answers.interests.filter((item) => item.id !== interest.id) };
  if (answers.interests.length >= MAX_INTERESTS) return answers;
  return { ...answers, interests: [...answers.interests, interest] };
}

export function hasAnswers(answers: QuizAnswers): boolean {
  return answers.ageYears !== null || answers.interests.length > 0 || answers.budgetYuan !== null;
}

/**
 * Converts the answers to the request's `quiz`, or undefined when nothing is
 * answered. Interests are sent as category labels because the recommender
 * matches them against product text and category labels in both languages.
 */
export function toRequestQuiz(answers: QuizAnswers): RecommendRequest['quiz'] {
  if (!hasAnswers(answers)) return undefined;
  const quiz: NonNullable<RecommendRequest['quiz']> = {};
  if (answers.ageYears !== null) quiz.ageYears = answers.ageYears;
  if (answers.interests.length > 0) quiz.interests = answers.interests.map((interest) => interest.label);
  if (answers.budgetYuan !== null) quiz.budgetYuan = answers.budgetYuan;
  return quiz;
}
