import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { PasswordStrengthChecker } from './checker';

describe('PasswordStrengthChecker (zxcvbn in a worker thread)', () => {
  let checker: PasswordStrengthChecker;
  afterEach(() => checker.close());

  it('answers each of several concurrent checks with its own verdict', async () => {
    checker = new PasswordStrengthChecker();
    const [weak, strong, personal] = await Promise.all([
      checker.check('password123', []),
      checker.check('violet quantum harbour spoon', []),
      checker.check('lovelace1815!', ['ada.lovelace@example.com', 'ada', 'lovelace']),
    ]);
    expect(weak).toMatchObject({ acceptable: false, label: expect.any(String) });
    expect(weak.advice).toBeTruthy();
    expect(strong).toMatchObject({ acceptable: true, advice: null });
    expect(personal.acceptable).toBe(false);
  });

  it('ends its worker when idle and starts a new one for the next check', async () => {
    checker = new PasswordStrengthChecker(100);
    expect(checker.running).toBe(false);
    await checker.check('password123', []);
    expect(checker.running).toBe(true);
    for (let waited = 0; checker.running && waited < 5000; waited += 50) await sleep(50);
    expect(checker.running).toBe(false);
    expect((await checker.check('violet quantum harbour spoon', [])).acceptable).toBe(true);
  });
});
