import { useEffect, useRef } from 'react';

/**
 * Time without a touch, click, key or scroll after which the kiosk returns
 * home for the next family. Shorter interrupts a parent reading a product;
 * longer leaves the last family's toy on screen for the next one.
 */
export const IDLE_RESET_MS = 90_000;

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

/** Calls `onIdle` once after `idleMs` without user activity, and again after each later idle period. */
export function useIdleTimer(onIdle: () => void, idleMs: number = IDLE_RESET_MS): void {
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;

  useEffect(() => {
    let timer = window.setTimeout(() => onIdleRef.current(), idleMs);
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => onIdleRef.current(), idleMs);
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, restart, { passive: true, capture: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, restart, { capture: true });
    };
  }, [idleMs]);
}
