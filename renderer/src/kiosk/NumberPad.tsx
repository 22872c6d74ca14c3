import { useTranslation } from 'react-i18next';

const DIGIT_ROWS = [['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9']] as const;

interface NumberPadProps {
  onDigit: (digit: string) => void;
  onDelete: () => void;
  onClear: () => void;
}

/** Draws a phone-style pad of large digit keys with "clear" and "delete" on the bottom row. */
export function NumberPad({ onDigit, onDelete, onClear }: NumberPadProps) {
  const { t } = useTranslation();
  const digitKey = (digit: string) => (
    <button key={digit} type="button" className="pad-key" onClick={() => onDigit(digit)} data-testid={`pad-${digit}`}>
      {digit}
    </button>
  );
  return (
    <div className="number-pad" role="group" aria-label={t('rec.padLabel')}>
      {DIGIT_ROWS.flat().map(digitKey)}
      <button type="button" className="pad-key pad-action" onClick={onClear} data-testid="pad-clear">
        {t('rec.padClear')}
      </button>
      {digitKey('0')}
      <button type="button" className="pad-key pad-action" onClick={onDelete} data-testid="pad-delete">
        {t('rec.padDelete')}
      </button>
    </div>
  );
}
