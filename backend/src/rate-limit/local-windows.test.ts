import { describe, expect, it } from 'vitest';
import { LocalWindows } from './local-windows';

const window = (current: number) => ({ current, startedAt: 0 });

describe('LocalWindows', () => {
  it('forgets the least recently used key beyond its capacity', () => {
    const windows = new LocalWindows(2);
    windows.set('a', window(1));
    windows.set('b', window(1));
    windows.get('a'); // a is now more recent than b
    windows.set('c', window(1));
    expect(windows.size).toBe(2);
    expect(windows.peek('a')).toEqual(window(1));
    expect(windows.peek('b')).toBeUndefined();
    expect(windows.peek('c')).toEqual(window(1));
  });

  it('peek leaves the order alone, set replaces a window and refreshes it', () => {
    const windows = new LocalWindows(2);
    windows.set('a', window(1));
    windows.set('b', window(1));
    windows.peek('a');
    windows.set('b', window(5));
    windows.set('c', window(1));
    expect(windows.peek('a')).toBeUndefined();
    expect(windows.peek('b')).toEqual(window(5));
    expect(windows.size).toBe(2);
  });
});
