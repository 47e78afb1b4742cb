import { InsetText, Table, Tag } from '@/components/ui';
import { consentScopeLabels, isShareableField, shareableFieldLabels } from '@/lib/cases/labels';
import type { CasePage } from '@/lib/cases/view';
import { formatDate } from '@/lib/format/dates';
import { Link } from '@/components/ui/Link';

type Props = { page: CasePage; writable: boolean };

/** What the person agreed to, in force or withdrawn (withdrawing asks for a reason on a page of its own). */
export function Consent({ page, writable }: Props) {
  const c = page.case;
  return (
    <>
      <h2 className="heading-l" id="consent">
        What the person agreed to
      </h2>
      {!page.canShare ? (
        <InsetText>
          The person has not agreed to share their details with a provider. A referral can carry only its reference until they do.
        </InsetText>
      ) : null}
      {page.consents.length === 0 ? (
        <p>No agreements recorded.</p>
      ) : (
        <Table
          caption="Agreements"
          captionHidden
          head={[
            'Agreed',
            'Details',
            'Given',
            'Status',
            ...(writable ? [{ content: <span className="visually-hidden">Action</span> }] : []),
          ]}
          rowKeys={page.consents.map((x) => x.id)}
          rows={page.consents.map((x) => [
            `${consentScopeLabels[x.scope]}${x.organisationName ? ` (${x.organisationName} only)` : ''}`,
            x.scope === 'share_with_provider'
              ? x.fields.map((f) => (isShareableField(f) ? shareableFieldLabels[f] : f)).join(', ') || 'None'
              : '',
            `${formatDate(x.givenAt)}${x.recordedByName ? `, recorded by ${x.recordedByName}` : ''}`,
            x.active ? (
              <Tag colour="green">In force</Tag>
            ) : (
              <>
                <Tag colour="grey">{`Withdrawn ${formatDate(x.withdrawnAt)}`}</Tag>
                {x.withdrawnReason ? <span className="block body-s">{x.withdrawnReason}</span> : null}
              </>
            ),
            ...(writable
              ? [
                  x.active ? (
                    <Link key="w" href={`/cases/${c.id}/consent/${x.id}/withdraw`}>
                      Withdraw<span className="visually-hidden"> agreement {consentScopeLabels[x.scope].toLowerCase()}</span>
                    </Link>
                  ) : (
                    ''
                  ),
                ]
              : []),
          ])}
        />
      )}
      {writable ? (
        <p>
          <Link href={`/cases/${c.id}/consent`}>Record an agreement</Link>
        </p>
      ) : null}
    </>
  );
}
