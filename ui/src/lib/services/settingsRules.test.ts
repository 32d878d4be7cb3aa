import { describe, expect, it } from 'vitest';
import { pinProblem, projectUrlProblem } from './settingsRules';

describe('project address', () => {
  it('accepts https and loopback http', () => {
    expect(projectUrlProblem('https://abcd.supabase.co')).toBeNull();
    expect(projectUrlProblem(' http://127.0.0.1:54321 ')).toBeNull();
    expect(projectUrlProblem('http://localhost:54321')).toBeNull();
    expect(projectUrlProblem('http://[::1]:54321')).toBeNull();
  });
  it('refuses plain http elsewhere, other schemes, and non-addresses with a way forward', () => {
    expect(projectUrlProblem('http://abcd.supabase.co')).toMatch(/Use https/);
    expect(projectUrlProblem('http://127.0.0.2.example.com')).toMatch(/Use https/);
    expect(projectUrlProblem('ftp://abcd.supabase.co')).toMatch(/must start with https/);
    expect(projectUrlProblem('abcd.supabase.co')).toMatch(/not a web address/);
    expect(projectUrlProblem('')).toMatch(/Enter the project address/);
  });
});

describe('PIN', () => {
  it('is 4 to 8 digits', () => {
    expect(pinProblem('1234')).toBeNull();
    expect(pinProblem('12345678')).toBeNull();
    expect(pinProblem('123')).not.toBeNull();
    expect(pinProblem('123456789')).not.toBeNull();
    expect(pinProblem('12a4')).not.toBeNull();
  });
});
