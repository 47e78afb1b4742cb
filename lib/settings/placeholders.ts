import type { SettingsValues } from '@/lib/config';
import type { Placeholders } from './text';

/** What {service}, {borough}, {operator}, {email} and {phone} stand for in the admin's texts. */
export function placeholdersOf(s: SettingsValues): Placeholders {
  const v = s.service;
  return { service: v.name, borough: v.boroughName, operator: v.operator, email: v.contactEmail, phone: v.contactPhone };
}
