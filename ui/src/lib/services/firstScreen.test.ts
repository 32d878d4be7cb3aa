import { describe, expect, it, vi } from 'vitest';
import { firstScreenShown } from './firstScreen';

describe('firstScreenShown', () => {
  it('tells the shell once, after the frame being drawn', async () => {
    vi.useFakeTimers();
    const api = { firstScreenShown: vi.fn(async () => null) };
    firstScreenShown(api);
    firstScreenShown(api);
    expect(api.firstScreenShown).not.toHaveBeenCalled();
    await vi.runAllTimersAsync();
    expect(api.firstScreenShown).toHaveBeenCalledTimes(1);
    firstScreenShown(api);
    await vi.runAllTimersAsync();
    expect(api.firstScreenShown).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });
});
