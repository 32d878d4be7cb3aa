import { expect, it } from 'vitest';
import { greeting } from './greeting';

it('greets by the time of day', () => {
  expect(greeting(7)).toBe('Good morning');
  expect(greeting(13)).toBe('Good afternoon');
  expect(greeting(20)).toBe('Good evening');
  expect(greeting(2)).toBe('Good evening');
});
