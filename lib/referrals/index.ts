export * from './lifecycle';
export { createReferral, sendReferral, type NewReferral } from './send';
export { sweepReferrals, type SweepReport } from './sweep';
export {
  ANSWER_PURPOSE,
  answerByLink,
  answerDeadline,
  answersFor,
  choicesFor,
  issueAnswerLinks,
  loadAnswerPage,
  notifyProviderOfReferral,
  type AnswerInput,
  type AnswerPage,
  type AnswerResult,
  type AnswerView,
  type LinkAnswer,
  type LinkKind,
} from './answer-links';
export { describeSharedInfo, type SharedRow } from './shared-info';
