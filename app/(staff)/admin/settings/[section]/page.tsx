import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeading } from '@/components/layout/PageHeading';
import { SettingsForm } from '@/components/settings/SettingsForm';
import { BackLink } from '@/components/ui';
import { requirePermission } from '@/lib/auth/session';
import { displayValue, fieldsOf, loadedSettings, SECTIONS, type SectionName } from '@/lib/settings';
import { saveSettingsAction } from '../actions';

type Props = { params: Promise<{ section: string }> };

const isSection = (s: string): s is SectionName => Object.hasOwn(SECTIONS, s);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section } = await params;
  return { title: isSection(section) ? SECTIONS[section].title : 'Settings' };
}

export default async function SettingsSectionPage({ params }: Props) {
  await requirePermission('settings.manage');
  const { section } = await params;
  if (!isSection(section)) notFound();
  const loaded = await loadedSettings();
  const current = loaded.values[section] as Record<string, string | number>;
  const fields = fieldsOf(section);
  return (
    <>
      <BackLink href="/admin/settings">Back to settings</BackLink>
      <PageHeading caption="Settings" lead={SECTIONS[section].lead}>
        {SECTIONS[section].title}
      </PageHeading>
      <SettingsForm
        action={saveSettingsAction.bind(null, section)}
        fields={fields.map(({ name, label, hint, kind, suffix }) => ({ name, label, hint, kind, suffix }))}
        initial={Object.fromEntries(fields.map((f) => [f.name, displayValue(current[f.name])]))}
        version={loaded.versions[section]}
      />
    </>
  );
}
