// One form contract: the state a server action returns, how a posted form is read and parsed, how a
// domain refusal reaches the page, and the zod pieces the forms share. See docs/decisions/0008.
export * from './state';
export * from './read';
export * from './parse';
export * from './fields';
export * from './rules';
export * from './phone';
export * from './dates';
export * from './characters';
export * from './query';
