import { describe, expect, it } from 'vitest';
import { PASSKEY_NAME_MAX, credentialFrom, passkeyNameInput, passkeyRefusal } from '@/lib/auth/two-step/forms';
import { isLastRequiredStep } from '@/lib/auth/two-step/passkeys';

describe('security keys and passkeys', () => {
  it('keeps the last key only for someone who must use two-step sign-in and has no app', () => {
    expect(isLastRequiredStep({ required: true, app: false, keys: 1 })).toBe(true);
    expect(isLastRequiredStep({ required: true, app: false, keys: 2 })).toBe(false);
    expect(isLastRequiredStep({ required: true, app: true, keys: 1 })).toBe(false);
    expect(isLastRequiredStep({ required: false, app: false, keys: 1 })).toBe(false);
  });

  it('asks for a short name on one line', () => {
    expect(passkeyNameInput.safeParse({ name: '  Yellow key ' }).data).toEqual({ name: 'Yellow key' });
    expect(passkeyNameInput.safeParse({ name: '   ' }).error?.issues[0].message).toBe(
      'Enter a name for the key, like Yellow key',
    );
    expect(passkeyNameInput.safeParse({ name: 'x'.repeat(PASSKEY_NAME_MAX + 1) }).success).toBe(false);
  });

  it("reads the browser's answer only when it has the shape of one", () => {
    const answer = { id: 'abc', rawId: 'abc', type: 'public-key', response: { clientDataJSON: 'e30' } };
    expect(credentialFrom(JSON.stringify(answer))).toEqual(answer);
    for (const value of [null, '', 'not json', 'null', '{"id":1}', JSON.stringify({ id: 'abc', response: {} })]) {
      expect(credentialFrom(value)).toBeNull();
    }
  });

  it('says why a key was not used, added or accepted', () => {
    expect(passkeyRefusal('not_used').message).toMatch(/^Your security key or passkey was not used/);
    expect(passkeyRefusal('invalid').message).toMatch(/^That security key or passkey was not accepted/);
    expect(passkeyRefusal('invalid', 0, true).message).toMatch(/^The key was not added/);
    expect(passkeyRefusal('throttled', 61)).toEqual({ message: 'Too many wrong codes. Try again in 2 minutes.' });
  });
});
