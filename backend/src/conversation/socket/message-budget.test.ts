import { describe, expect, it } from 'vitest';
import { MessageBudget } from './message-budget';

describe('MessageBudget', () => {
  it('allows perMinute messages per user in any minute, then says how long to wait', () => {
    let now = 1_000_000;
    const budget = new MessageBudget(3, () => now);
    try {
      expect(budget.take('ada')).toEqual({ ok: true });
      now += 10_000;
      expect(budget.take('ada')).toEqual({ ok: true });
      expect(budget.take('ada')).toEqual({ ok: true });
      // Another user has a budget of their own.
      expect(budget.take('bob')).toEqual({ ok: true });
      now += 5_000;
      // The first message was 15 s ago: it leaves the window in 45 s.
      expect(budget.take('ada')).toEqual({ ok: false, retryAfterSeconds: 45 });
      now += 45_000;
      expect(budget.take('ada')).toEqual({ ok: true });
      // A refused message does not count: two were sent 50 s ago, one just now.
      expect(budget.take('ada')).toEqual({ ok: false, retryAfterSeconds: 10 });
    } finally {
      budget.close();
    }
  });
});
