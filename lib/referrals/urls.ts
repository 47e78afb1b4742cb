// Absolute links put into messages. Paths other than /r/ belong to other parts of the app.
import { config } from '../config';

const base = () => config.baseUrl.replace(/\/+$/, '');

export const urls = {
  answer: (rawToken: string) => `${base()}/r/${rawToken}`,
  providerInbox: () => `${base()}/provider/referrals`,
  case: (caseId: string) => `${base()}/cases/${caseId}`,
  triage: () => `${base()}/triage`,
  caseload: () => `${base()}/caseload`,
};
