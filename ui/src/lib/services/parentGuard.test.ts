import { describe, expect, it, vi } from 'vitest';
import { ParentGuard } from './parentGuard.svelte';

const locked = { code: 'LOCKED', message: 'Settings are locked.', retryable: false };

describe('ParentGuard', () => {
  it('runs an action straight away when not locked', async () => {
    const guard = new ParentGuard({ unlockParent: vi.fn() });
    expect(await guard.run(async () => 7)).toBe(7);
    expect(guard.asking).toBe(false);
  });

  it('asks for the PIN on LOCKED, keeps asking after a wrong one, and retries once unlocked', async () => {
    const unlockParent = vi.fn(async ({ pin }: { pin: string }) => {
      if (pin !== '2468') throw { code: 'VALIDATION', message: "That PIN isn't right", retryable: false };
      return { enabled: true, unlockedUntil: 1 };
    });
    const guard = new ParentGuard({ unlockParent });
    let unlocked = false;
    const action = vi.fn(async () => {
      if (!unlocked) throw locked;
      return 'done';
    });
    const result = guard.run(action);
    await vi.waitFor(() => expect(guard.asking).toBe(true));
    await guard.unlock('1111');
    expect(guard.error).toBe("That PIN isn't right");
    expect(guard.asking).toBe(true);
    unlocked = true;
    await guard.unlock('2468');
    expect(await result).toBe('done');
    expect(action).toHaveBeenCalledTimes(2);
    expect(guard.asking).toBe(false);
  });

  it('resolves undefined when the grown-up cancels, and passes other errors through', async () => {
    const guard = new ParentGuard({ unlockParent: vi.fn() });
    const result = guard.run(async () => {
      throw locked;
    });
    await vi.waitFor(() => expect(guard.asking).toBe(true));
    guard.cancel();
    expect(await result).toBeUndefined();
    await expect(guard.run(async () => { throw { code: 'NETWORK', message: 'offline', retryable: true }; })).rejects.toMatchObject({ code: 'NETWORK' });
  });
});
