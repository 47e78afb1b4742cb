import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeading } from '@/components/layout/PageHeading';
import { LogoForm } from '@/components/settings/LogoForm';
import { SettingsForm } from '@/components/settings/SettingsForm';
import { BackLink, Button } from '@/components/ui';
import { requirePermission } from '@/lib/auth/session';
import { displayValue, fieldsOf, loadedSettings, MAX_LOGO_BYTES, SECTIONS, type SectionName } from '@/lib/settings';
import { removeLogoAction, saveSettingsAction, uploadLogoAction } from '../actions';

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
      {section === 'service' ? (
        <section aria-labelledby="logo-heading" className="mt-10">
          <h2 id="logo-heading" className="heading-l">
            Logo
          </h2>
          {loaded.logo ? (
            <>
              <p>The header shows this logo now:</p>
              <p className="inline-block bg-black p-3">
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img src={`/api/logo?v=${loaded.logo}`} alt={String(current.name)} className="site-header__logo" />
              </p>
              <form action={removeLogoAction} className="mb-6">
                <Button variant="warning">Remove the logo</Button>
              </form>
            </>
          ) : (
            <p>There is no logo: the header shows the name of the service.</p>
          )}
          <LogoForm action={uploadLogoAction} maxKb={MAX_LOGO_BYTES / 1024} />
        </section>
      ) : null}
    </>
  );
}
