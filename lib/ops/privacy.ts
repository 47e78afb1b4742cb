// Wording a deployment sets for its privacy notice. Each borough decides its own lawful basis and
// retention with its data protection officer; the defaults (lib/config/env.ts) suit a council or NHS body.
import { env } from '@/lib/config';

export function privacySettings() {
  const e = env();
  return {
    controller: e.PRIVACY_CONTROLLER,
    lawfulBasis: e.PRIVACY_LAWFUL_BASIS,
    specialCategoryBasis: e.PRIVACY_SPECIAL_CATEGORY_BASIS,
    retention: e.PRIVACY_RETENTION,
    dpoContact: e.PRIVACY_DPO_CONTACT,
  };
}
