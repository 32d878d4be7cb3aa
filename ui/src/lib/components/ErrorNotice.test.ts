import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import ErrorNotice from './ErrorNotice.svelte';
import { AppError } from '$lib/ipc/api';

let component: ReturnType<typeof mount> | undefined;
afterEach(() => {
  if (component) unmount(component);
  document.body.innerHTML = '';
});

describe('ErrorNotice', () => {
  it('shows the friendly title and the action that helps', () => {
    const actions: string[] = [];
    component = mount(ErrorNotice, {
      target: document.body,
      props: { error: new AppError({ code: 'UNAUTHORIZED', message: 'jwt expired', retryable: false }), onaction: (a: string) => actions.push(a) },
    });
    const notice = document.querySelector('[role="alert"]') as HTMLElement;
    expect(notice.dataset.code).toBe('UNAUTHORIZED');
    expect(notice.querySelector('h3')?.textContent).toBe('Please sign in again');
    expect(notice.textContent).not.toContain('jwt');
    const button = notice.querySelector('button') as HTMLButtonElement;
    expect(button.textContent).toBe('Sign in');
    button.click();
    flushSync();
    expect(actions).toEqual(['sign_in']);
  });

  it('offers nothing when there is nothing to do', () => {
    component = mount(ErrorNotice, {
      target: document.body,
      props: { error: new AppError({ code: 'CONTENT_POLICY', message: 'Not for bedtime.', retryable: false }), onaction: () => {} },
    });
    expect(document.body.textContent).toContain('Not for bedtime.');
    expect(document.querySelector('button')).toBeNull();
  });
});
