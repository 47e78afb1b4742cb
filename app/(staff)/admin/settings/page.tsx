import type { Metadata } from 'next';
import { PageHeading } from '@/components/layout/PageHeading';
import { NotificationBanner } from '@/components/ui';
import { Link } from '@/components/ui/Link';
import { SummaryList } from '@/components/ui/SummaryList';
import { requirePermission } from '@/lib/auth/session';
import { formatDate } from '@/lib/format/dates';
import { fieldsOf, loadedSettings, SECTIONS, type SectionName } from '@/lib/settings';

export const metadata: Metadata = { title: 'Settings' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const DAY = 86_400_000;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const doneBanners: Record<string, string> = {
  service: 'The service’s settings are saved. Every page shows them now.',
  timings: 'The timings and targets are saved. They apply from now, to reminders and checks too.',
  unchanged: 'Nothing was changed.',
  logo: 'The logo is saved. The header of every page shows it now.',
  logo_removed: 'The logo is removed. The header shows the name of the service again.',
};

function shown(value: string | number, long: boolean | undefined, suffix: string | undefined): string {
  if (long) {
    const text = String(value);
    return text.length > 90 ? `${text.slice(0, 90).trimEnd()}…` : text;
  }
  return suffix ? `${value} ${suffix}` : String(value);
}

export default async function SettingsPage({ searchParams }: Props) {
  await requirePermission('settings.manage');
  const { values } = await loadedSettings();
  const now = new Date().getTime();
  const done = doneBanners[first((await searchParams).done) ?? ''];
  return (
    <>
      {done ? (
        <NotificationBanner type="success" heading="Settings saved">
          <p>{done}</p>
        </NotificationBanner>
      ) : null}
      <PageHeading lead="Changes apply at once, without a restart. Every change is recorded with who made it.">
        Settings
      </PageHeading>
      {(Object.keys(SECTIONS) as SectionName[]).map((section) => {
        const current = values[section] as Record<string, string | number>;
        return (
          <section key={section} aria-labelledby={`${section}-heading`} className="mb-10">
            <h2 id={`${section}-heading`} className="heading-m">
              {SECTIONS[section].title}
            </h2>
            <p>{SECTIONS[section].lead}</p>
            {section === 'timings' ? (
              <p id="next-reminder">
                A referral sent now that no one answers gets a reminder on{' '}
                <strong>{formatDate(new Date(now + values.timings.referralReminderDays * DAY))}</strong> and closes on{' '}
                <strong>{formatDate(new Date(now + values.timings.referralExpiryDays * DAY))}</strong>.
              </p>
            ) : null}
            <p>
              <Link href={`/admin/settings/${SECTIONS[section].slug}`}>Change {SECTIONS[section].title.toLowerCase()}</Link>
            </p>
            <SummaryList
              rows={fieldsOf(section).map((f) => ({
                key: f.label,
                value:
                  f.kind === 'colour' ? (
                    <>
                      <span
                        aria-hidden="true"
                        className="mr-2 inline-block h-4 w-8 align-middle"
                        style={{ backgroundColor: String(current[f.name]) }}
                      />
                      {current[f.name]}
                    </>
                  ) : (
                    shown(current[f.name], f.long, f.suffix)
                  ),
              }))}
            />
          </section>
        );
      })}
    </>
  );
}
