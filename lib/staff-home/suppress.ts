// Small-number suppression lives with the reports (lib/reports/suppress.ts); kept here for the
// pages that import it from this module.
export { canShowFiguresBuiltOn, suppressCount } from '@/lib/reports/suppress';
