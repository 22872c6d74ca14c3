import { useTranslation } from 'react-i18next';
import { hasAnswers } from './quiz.js';
import { ToyArt } from './ToyArt.js';
import type { Visit } from './visit.js';

interface HomeEntriesProps {
  visit: Visit;
  onOpenQuiz: () => void;
  onOpenMember: () => void;
}

/** Hue of the quiz entry's gift box drawing. */
const QUIZ_HUE = 20;

/** Draws a loyalty card in the same 100×100 style as ToyArt. */
function MemberCardArt({ size }: { size: number }) {
  return (
    <svg className="toy-art" width={size} height={size} viewBox="0 0 100 100" aria-hidden="true">
      <rect width="100" height="100" rx="16" fill="hsl(200 75% 88%)" />
      <rect x="14" y="26" width="72" height="48" rx="7" fill="hsl(200 60% 42%)" />
      <rect x="14" y="36" width="72" height="8" fill="hsl(200 40% 28%)" />
      <rect x="22" y="54" width="26" height="6" rx="3" fill="#fff" />
      <circle cx="70" cy="60" r="7" fill="#ffd166" />
    </svg>
  );
}

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
        <MemberCardArt size={72} />
        <span className="entry-text">
          <span className="entry-title">{t('rec.memberEntry')}</span>
          <span className="entry-hint">{visit.member ? t('rec.memberEntryFound') : t('rec.memberEntryHint')}</span>
        </span>
      </button>
    </div>
  );
}
