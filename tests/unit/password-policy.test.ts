import { describe, expect, it } from 'vitest';
import {
  isCommonPassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  newPassword,
  passwordMessages,
  passwordProblem,
} from '@/lib/auth/password-policy';

describe('password policy (NCSC)', () => {
  it('asks for at least 12 characters, counting characters rather than bytes', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(passwordProblem('')).toBe(passwordMessages.missing);
    expect(passwordProblem('kettle mugs')).toBe(passwordMessages.tooShort);
    expect(passwordProblem('kettle mugs!')).toBeNull();
    expect(passwordProblem('ñandú kettle')).toBeNull();
    expect(passwordProblem('😀😀😀😀😀😀😀😀😀😀😀')).toBe(passwordMessages.tooShort);
  });

  it('takes up to 1,024 characters and refuses more', () => {
    const long = 'a kettle and seven mugs '.repeat(50);
    expect(passwordProblem(long.slice(0, MAX_PASSWORD_LENGTH))).toBeNull();
    expect(passwordProblem(long.slice(0, MAX_PASSWORD_LENGTH + 1))).toBe(passwordMessages.tooLong);
  });

  it('has no composition rules: lower-case words alone are fine', () => {
    expect(passwordProblem('purple tractor on the moon')).toBeNull();
    expect(passwordProblem('purpletractorhills')).toBeNull();
  });

  it('refuses common passwords, whatever the case and the digits or symbols around them', () => {
    for (const p of [
      'qwertyuiop123',
      '1qaz2wsx3edc',
      'Password1234',
      'PASSWORD1234!',
      '!!iloveyou2024',
      'football12345',
      'letmein123456',
    ])
      expect(passwordProblem(p), p).toBe(passwordMessages.common);
    expect(isCommonPassword('aaaaaaaaaaaaaaa')).toBe(true);
    expect(isCommonPassword('121212121212')).toBe(true);
  });

  it("refuses the person's own e-mail address or name, with or without digits", () => {
    const about = { email: 'grace.hopper@eastbrook.gov.uk', name: 'Grace Hopper' };
    expect(passwordProblem('grace.hopper@eastbrook.gov.uk', about)).toBe(passwordMessages.personal);
    expect(passwordProblem('Grace.Hopper2026', about)).toBe(passwordMessages.personal);
    expect(passwordProblem('GraceHopper!!!', about)).toBe(passwordMessages.personal);
    expect(passwordProblem('grace hopper 1906', about)).toBe(passwordMessages.personal);
    expect(passwordProblem('hopper loves cobol', about)).toBeNull();
    // Without knowing whose it is, only the general rules apply.
    expect(passwordProblem('GraceHopper!!!')).toBeNull();
  });

  it('is a zod field for the forms, naming the problem', () => {
    expect(newPassword.safeParse('a kettle and seven mugs').success).toBe(true);
    const r = newPassword.safeParse('password1234');
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].message).toBe(passwordMessages.common);
    expect(newPassword.safeParse(undefined).error!.issues[0].message).toBe(passwordMessages.missing);
  });
});
