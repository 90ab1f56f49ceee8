import { describe, expect, it } from 'vitest';
import type { ModelMessage } from '../../ai/types';
import { planHistory } from './context';

const message = (n: number, chars: number): ModelMessage => ({
  role: n % 2 === 0 ? 'user' : 'assistant',
  content: String(n).padEnd(chars, '.'),
});

describe('planHistory', () => {
  it('sends a short history in full', () => {
    const history = [message(0, 100), message(1, 100)];
    expect(planHistory(history, 1000)).toEqual({ recent: history, older: [] });
  });

  it('keeps recent turns up to half the budget and hands older ones to the summary', () => {
    const history = Array.from({ length: 10 }, (_, n) => message(n, 200));
    const plan = planHistory(history, 1000);
    expect(plan.recent).toEqual(history.slice(8));
    expect(plan.older).toEqual(history.slice(0, 8));
  });

  it('always keeps the last two messages even when they are long', () => {
    const history = [message(0, 10), message(1, 5000), message(2, 5000)];
    const plan = planHistory(history, 1000);
    expect(plan.recent).toEqual(history.slice(1));
    expect(plan.older).toEqual(history.slice(0, 1));
  });
});
