import { useTranslation } from 'react-i18next';
import { hasAnswers } from './quiz.js';
import { ToyArt } from './ToyArt.js';
import type { Visit } from './visit.js';

interface HomeEntriesProps {
  visit: Visit;
  onOpenQuiz: () => void;
  onOpenMember: () => void;
}

/** Hues of the two entry drawings: a warm gift box and a cool card. */
const QUIZ_HUE = 20;
const MEMBER_HUE = 200;

/** Draws the two large entries on the home screen: the gift quiz and the member look-up. */
export function HomeEntries({ visit, onOpenQuiz, onOpenMember }: HomeEntriesProps) {
  const { t } = useTranslation();
  return (
    <div className="home-entries">
      <button type="button" className="entry-card entry-quiz" onClick={onOpenQuiz} data-testid="open-quiz">
        <ToyArt category="surprise" hue={QUIZ_HUE} size={72} />
        <span className="entry-text">
          <span className="entry-title">{t('rec.quizEntry')}</span>
          <span className="entry-hint">{hasAnswers(visit.quiz) ? t('rec.quizEntryAnswered') : t('rec.quizEntryHint')}</span>
        </span>
      </button>
      <button type="button" className="entry-card entry-member" onClick={onOpenMember} data-testid="open-member">
        <ToyArt category="game" hue={MEMBER_HUE} size={72} />
        <span className="entry-text">
          <span className="entry-title">{t('rec.memberEntry')}</span>
          <span className="entry-hint">{visit.member ? t('rec.memberEntryFound') : t('rec.memberEntryHint')}</span>
        </span>
      </button>
    </div>
  );
}
