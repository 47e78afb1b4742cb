// Phone numbers as people type them: spaces, brackets, dashes and "(0)" are fine.

export const PHONE_EXAMPLE = 'like 01632 960 001, 07700 900 982 or +44 808 157 0192';

/** Digits and a leading plus only: "+44 (0)7700 900-982" -> "+447700900982". */
export function compactPhone(input: string): string {
  return input.replace(/\(0\)/g, '').replace(/[\s().-]/g, '');
}

/** A UK number (10 or 11 digits starting 0, or +44) or an international one (+ and 8 to 15 digits). */
export function isPhoneNumber(input: string): boolean {
  const c = compactPhone(input);
  return /^0\d{9,10}$/.test(c) || /^\+44\d{9,10}$/.test(c) || /^\+[1-9]\d{7,14}$/.test(c);
}

/** A UK mobile number (or an international one), which can receive text messages. */
export function isMobileNumber(input: string): boolean {
  const c = compactPhone(input);
  return /^07\d{9}$/.test(c) || /^\+447\d{9}$/.test(c) || (/^\+[1-9]\d{7,14}$/.test(c) && !c.startsWith('+44'));
}
