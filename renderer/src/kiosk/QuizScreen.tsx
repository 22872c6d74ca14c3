import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryView } from '../../../main/api/wire.js';
import { withQuery } from '../shared/api.js';
import { ErrorPanel } from '../shared/ErrorPanel.js';
import { useApi } from '../shared/useApi.js';
import { isCategoryList } from './catalogGuards.js';
import { ForYouRow } from './ForYouRow.js';
import { formatPrice } from './format.js';
import { AGE_CHOICES, BUDGET_CHOICES_YUAN, NO_ANSWERS, OLDEST_AGE_CHOICE, toggleInterest, type QuizAnswers } from './quiz.js';
import { ToyArt } from './ToyArt.js';
import type { Visit } from './visit.js';

interface QuizScreenProps {
  visit: Visit;
  onAnswersChange: (answers: QuizAnswers) => void;
  onDone: () => void;
  onOpenProduct: (id: string) => void;
}

/** Degrees between the icon colours of neighbouring interest chips, so each category gets its own colour. */
const INTEREST_HUE_STEP = 47;

function QuizChip({ selected, onClick, testId, children }: { selected: boolean; onClick: () => void; testId: string; children: ReactNode }) {
  return (
    <button type="button" className="chip quiz-chip" aria-pressed={selected} onClick={onClick} data-testid={testId}>
      {children}
    </button>
  );
}

/**
 * Asks for the child's age, interests and a budget with chips. Every tap
 * updates the for-you row below at once; "done" returns home, where the row
 * keeps these answers for the rest of the visit.
 */
export function QuizScreen({ visit, onAnswersChange, onDone, onOpenProduct }: QuizScreenProps) {
  const { t } = useTranslation();
  const answers = visit.quiz;
  return (
    <div className="quiz-screen" data-testid="quiz-screen">
      <h2 className="screen-title">{t('rec.quizTitle')}</h2>
      <p className="screen-hint">{t('rec.quizHint')}</p>

      <section className="filter-group" aria-labelledby="quiz-age-title">
        <h3 id="quiz-age-title">{t('rec.quizAge')}</h3>
        <div className="chips">
          {AGE_CHOICES.map((age) => (
            <QuizChip
              key={age}
              selected={answers.ageYears === age}
              onClick={() => onAnswersChange({ ...answers, ageYears: answers.ageYears === age ? null : age })}
              testId={`quiz-age-${age}`}
            >
              {ageLabel(t, age)}
            </QuizChip>
          ))}
        </div>
      </section>

      <InterestChips answers={answers} onAnswersChange={onAnswersChange} />

      <section className="filter-group" aria-labelledby="quiz-budget-title">
        <h3 id="quiz-budget-title">{t('rec.quizBudget')}</h3>
        <div className="chips">
          {BUDGET_CHOICES_YUAN.map((limit) => (
            <QuizChip
              key={limit}
              selected={answers.budgetYuan === limit}
              onClick={() => onAnswersChange({ ...answers, budgetYuan: answers.budgetYuan === limit ? null : limit })}
              testId={`quiz-budget-${limit}`}
            >
              {t('rec.budgetUpTo', { price: formatPrice(t, limit) })}
            </QuizChip>
          ))}
          <QuizChip selected={answers.budgetYuan === null} onClick={() => onAnswersChange({ ...answers, budgetYuan: null })} testId="quiz-budget-any">
            {t('rec.budgetAny')}
          </QuizChip>
        </div>
      </section>

      <div className="quiz-actions">
        <button type="button" className="primary-button" onClick={onDone} data-testid="quiz-done">{t('rec.quizDone')}</button>
        <button type="button" className="secondary-button" onClick={() => onAnswersChange(NO_ANSWERS)} data-testid="quiz-clear">
          {t('rec.quizClear')}
        </button>
      </div>

      <ForYouRow visit={visit} onOpenProduct={onOpenProduct} />
    </div>
  );
}

function ageLabel(t: ReturnType<typeof useTranslation>['t'], age: number): string {
  if (age === 0) return t('rec.ageUnderOne');
  if (age === OLDEST_AGE_CHOICE) return t('rec.ageOrOlder', { age });
  return t('rec.ageYears', { age });
}

/** Category chips with the category's drawing; several may be picked. */
function InterestChips({ answers, onAnswersChange }: { answers: QuizAnswers; onAnswersChange: (answers: QuizAnswers) => void }) {
  const { t, i18n } = useTranslation();
  const categories = useApi<CategoryView[]>(withQuery('/api/catalog/categories', { lang: i18n.language }), isCategoryList);
  return (
    <section className="filter-group" aria-labelledby="quiz-interests-title">
      <h3 id="quiz-interests-title">{t('rec.quizInterests')}</h3>
      {categories.status === 'loading' && <p className="loading">{t('common.loading')}</p>}
      {categories.status === 'error' && <ErrorPanel error={categories.error} onRetry={categories.retry} />}
      {categories.status === 'ready' && (
        <div className="chips">
          {categories.data.map((category, index) => (
            <QuizChip
              key={category.id}
              selected={answers.interests.some((interest) => interest.id === category.id)}
              onClick={() => onAnswersChange(toggleInterest(answers, { id: category.id, label: category.label }))}
              testId={`quiz-interest-${category.id}`}
            >
              <ToyArt category={category.id} hue={index * INTEREST_HUE_STEP} size={40} />
              <span>{category.label}</span>
            </QuizChip>
          ))}
        </div>
      )}
    </section>
  );
}
