export { invalidate, loadedSettings, refreshSettings, resetSettingsCache, setCacheTtl, settings, TTL_MS } from './cache';
export { AA_NORMAL_TEXT, contrastRatio, meetsAaWithWhite, parseHexColour } from './contrast';
export {
  SECTIONS,
  SETTING_FIELDS,
  displayValue,
  fieldsOf,
  resolveSettings,
  sectionSchema,
  type FieldKind,
  type SectionName,
  type SettingField,
} from './registry';
export { readSettings, saveSection, type LoadedSettings, type SaveResult } from './store';
export { placeholdersOf } from './placeholders';
export { fillPlaceholders, textBlocks, type Placeholders, type TextBlock } from './text';
export {
  checkLogo,
  logoVersion,
  MAX_LOGO_BYTES,
  readLogo,
  removeLogo,
  saveLogo,
  type Logo,
  type LogoRefusal,
  type LogoType,
} from './logo';
