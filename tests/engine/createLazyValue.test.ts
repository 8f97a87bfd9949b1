import { describe, expect, it } from 'vitest';
import { createLazyValue } from '../../engine/createLazyValue.ts';

describe('createLazyValue', () => {
  it('When the getter is never called, then nothing is created; when called twice, then the value is created once', () => {
    let calls = 0;
    const get = createLazyValue(() => ({ n: ++calls }));
    expect(calls).toBe(0);
    const first = get();
    expect(get()).toBe(first);
    expect(calls).toBe(1);
  });

  it('When the created value is undefined, then it is still created only once', () => {
    let calls = 0;
    const get = createLazyValue(() => void calls++);
    get();
    get();
    expect(calls).toBe(1);
  });
});
