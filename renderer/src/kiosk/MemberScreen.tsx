import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberLookupRequest } from '../../../main/api/wire.js';
import { ApiRequestError, fetchJson, isAbortError } from '../shared/api.js';
import { ErrorPanel } from '../shared/ErrorPanel.js';
import { isMemberSummary } from './catalogGuards.js';
import { ForYouRow } from './ForYouRow.js';
import { appendDigit, isCompleteCode, MEMBER_CODE_MAX_DIGITS, MEMBER_CODE_MIN_DIGITS, MEMBER_CODE_PREFIX, toMemberCode } from './memberCode.js';
import { NumberPad } from './NumberPad.js';
import type { Visit, VisitMember } from './visit.js';

type Lookup =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'not_found' }
  | { status: 'invalid' }
  | { status: 'too_many_requests' }
  | { status: 'error'; error: unknown };

interface MemberScreenProps {
  visit: Visit;
  onMemberChange: (member: VisitMember | null) => void;
  onOpenProduct: (id: string) => void;
}

/**
 * Looks up a loyalty code typed on the number pad with `POST /api/members/lookup`,
 * so the code never appears in a URL. A found member gets a welcome with the
 * visit count and member-driven suggestions. The screen shows no other data
 * about the member.
 */
export function MemberScreen({ visit, onMemberChange, onOpenProduct }: MemberScreenProps) {
  const { t } = useTranslation();
  if (visit.member) {
    return (
      <div className="member-screen" data-testid="member-screen">
        <section className="member-welcome" data-testid="member-welcome">
          <h2>{t('rec.memberWelcome')}</h2>
          <p>{t('rec.memberVisits', { count: visit.member.visits })}</p>
          <button type="button" className="secondary-button" onClick={() => onMemberChange(null)} data-testid="member-forget">
            {t('rec.memberForget')}
          </button>
        </section>
        <ForYouRow visit={visit} onOpenProduct={onOpenProduct} />
      </div>
    );
  }
  return <MemberCodeForm onFound={onMemberChange} />;
}

function MemberCodeForm({ onFound }: { onFound: (member: VisitMember) => void }) {
  const { t } = useTranslation();
  const [digits, setDigits] = useState('');
  const [lookup, setLookup] = useState<Lookup>({ status: 'idle' });
  const controllerRef = useRef<AbortController | null>(null);
  useEffect(() => () => controllerRef.current?.abort(), []);

  const edit = (next: string) => {
    setDigits(next);
    if (lookup.status !== 'loading') setLookup({ status: 'idle' });
  };

  const submit = async () => {
    if (!isCompleteCode(digits)) return;
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    const code = toMemberCode(digits);
    setLookup({ status: 'loading' });
    try {
      const request: MemberLookupRequest = { code };
      const body = await fetchJson<unknown>('/api/members/lookup', controller.signal, request);
      if (!isMemberSummary(body)) throw new ApiRequestError('invalid_response', 200, 'The member look-up returned a body of an unexpected shape.');
      onFound({ code, visits: body.visits });
    } catch (error) {
      if (isAbortError(error)) return;
      setLookup(lookupFailure(error));
    }
  };

  return (
    <div className="member-screen" data-testid="member-screen">
      <h2>{t('rec.memberTitle')}</h2>
      <p className="screen-hint">{t('rec.memberHint', { min: MEMBER_CODE_MIN_DIGITS, max: MEMBER_CODE_MAX_DIGITS })}</p>
      <div className="member-entry">
        <output className="member-code" data-testid="member-code" aria-live="polite">
          <span className="member-prefix">{MEMBER_CODE_PREFIX}</span>
          {digits || <span className="member-placeholder">{t('rec.memberPlaceholder')}</span>}
        </output>
        <NumberPad
          onDigit={(digit) => edit(appendDigit(digits, digit))}
          onDelete={() => edit(digits.slice(0, -1))}
          onClear={() => edit('')}
        />
        <button
          type="button"
          className="primary-button"
          disabled={!isCompleteCode(digits) || lookup.status === 'loading'}
          onClick={() => void submit()}
          data-testid="member-submit"
        >
          {lookup.status === 'loading' ? t('common.loading') : t('rec.memberSubmit')}
        </button>
      </div>
      <LookupMessage lookup={lookup} onRetry={() => void submit()} />
    </div>
  );
}

/** Sorts a failed look-up into "not found", "invalid code", "too many tries" and other errors that get a retry. */
function lookupFailure(error: unknown): Lookup {
  if (error instanceof ApiRequestError && error.code === 'member_not_found') return { status: 'not_found' };
  if (error instanceof ApiRequestError && error.code === 'invalid_parameter') return { status: 'invalid' };
  if (error instanceof ApiRequestError && error.code === 'too_many_requests') return { status: 'too_many_requests' };
  console.error('member look-up failed', error instanceof ApiRequestError ? error.code : error);
  return { status: 'error', error };
}

function LookupMessage({ lookup, onRetry }: { lookup: Lookup; onRetry: () => void }) {
  const { t } = useTranslation();
  switch (lookup.status) {
    case 'idle':
    case 'loading':
      return null;
    case 'not_found':
      return <p className="kind-note" role="status" data-testid="member-message" data-reason="not_found">{t('rec.memberNotFound')}</p>;
    case 'invalid':
      return (
        <p className="kind-note" role="status" data-testid="member-message" data-reason="invalid">
          {t('rec.memberInvalid', { min: MEMBER_CODE_MIN_DIGITS, max: MEMBER_CODE_MAX_DIGITS })}
        </p>
      );
    case 'too_many_requests':
      return <p className="kind-note" role="status" data-testid="member-message" data-reason="too_many_requests">{t('errors.too_many_requests')}</p>;
    case 'error':
      return <ErrorPanel error={lookup.error} onRetry={onRetry} />;
  }
}
