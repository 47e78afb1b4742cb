// Wording a deployment sets for its privacy notice. Each borough decides its own lawful basis and
// retention with its data protection officer; these defaults suit a council or NHS body.
function text(name: string, fallback: string): string {
  const raw = process.env[name];
  return raw === undefined || raw.trim() === '' ? fallback : raw.trim();
}

export function privacySettings() {
  return {
    controller: text('PRIVACY_CONTROLLER', ''),
    lawfulBasis: text(
      'PRIVACY_LAWFUL_BASIS',
      'UK GDPR Article 6(1)(e): the processing is needed to perform a task in the public interest (public task).',
    ),
    specialCategoryBasis: text(
      'PRIVACY_SPECIAL_CATEGORY_BASIS',
      'UK GDPR Article 9(2)(h): the processing is needed for health or social care, with the Data Protection Act 2018, Schedule 1, Part 1, paragraph 2.',
    ),
    retention: text(
      'PRIVACY_RETENTION',
      'We keep a record of your support for 6 years after your case closes. After that, we remove your name and contact details and keep only figures that cannot identify you.',
    ),
    dpoContact: text('PRIVACY_DPO_CONTACT', ''),
  };
}
