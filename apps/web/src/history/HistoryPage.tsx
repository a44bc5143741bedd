import { Alert, Card, Space, Tag, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { HistoryEvent } from '../api/types';
import { formatDate, formatDateTime } from '../common/dates';
import { formatVnd } from '../common/money';
import { EmptyState, ErrorState, Loading } from '../common/states';
import { usePageTitle } from '../common/usePageTitle';
import { decisionText } from '../common/decisions';
import { usePlan } from '../plans/planApi';
import { useConsolidation } from '../consolidations/consolidationsApi';
import { consolidationName } from '../consolidations/consolidationText';
import { HistoryStream, useHistory, useHistoryVerification } from './historyApi';

/**
 * A plan's or a consolidation's audit history as a timeline (who, when, what, why) and whether its
 * hash chain holds.
 */
export default function HistoryPage() {
  const { planId = '', consolidationId } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('history.title'));
  const stream: HistoryStream = consolidationId
    ? { kind: 'consolidation', id: consolidationId }
    : { kind: 'plan', id: planId };
  const history = useHistory(stream);
  const verify = useHistoryVerification(stream);
  if (history.isPending) return <Loading />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => history.refetch()} />;
  const items = [...history.data.items].reverse();
  return (
    <Card
      title={
        <Space orientation="vertical" size={0}>
          <h1 style={{ fontSize: 20, margin: 0 }}>{t('history.title')}</h1>
          {stream.kind === 'plan' ? <PlanLink planId={planId} /> : <ConsolidationLink id={stream.id} />}
        </Space>
      }
    >
      {verify.isPending ? (
        <Loading label={t('history.verifying')} />
      ) : verify.isError ? (
        <ErrorState error={verify.error} />
      ) : verify.data.valid ? (
        <Alert
          type="success"
          showIcon
          data-testid="verification"
          title={t('history.valid', { count: verify.data.events })}
          style={{ marginBottom: 24 }}
        />
      ) : (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="verification"
          title={t('history.broken', { seq: verify.data.brokenAt })}
          description={verify.data.reason}
          style={{ marginBottom: 24 }}
        />
      )}
      {items.length === 0 ? (
        <EmptyState description={t('history.empty')} />
      ) : (
        <Timeline
          items={items.map((e) => ({
            key: e.seq,
            color: colorOf(e.type),
            title: <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time>,
            content: <EventEntry e={e} broken={verify.data?.brokenAt === e.seq} />,
          }))}
        />
      )}
    </Card>
  );
}

function PlanLink({ planId }: { planId: string }) {
  const plan = usePlan(planId);
  return plan.data ? (
    <Link to={`/plans/${planId}`} style={{ fontWeight: 'normal' }}>
      {plan.data.title}
    </Link>
  ) : null;
}

function ConsolidationLink({ id }: { id: string }) {
  const { t } = useTranslation();
  const c = useConsolidation(id);
  return c.data ? (
    <Link to={`/consolidations/${id}`} style={{ fontWeight: 'normal' }}>
      {consolidationName(t, c.data.number)}
    </Link>
  ) : null;
}

function colorOf(type: string): string {
  if (/Approved|RolloutStarted/.test(type)) return 'green';
  if (/Overdue|Rejected/.test(type)) return 'red';
  if (/Revision|Withdrawn|Returned/.test(type)) return 'orange';
  return 'blue';
}

function EventEntry({ e, broken }: { e: HistoryEvent; broken: boolean }) {
  const { t } = useTranslation();
  const who = e.actorName
    ? e.actingForName
      ? t('reviews.actingFor', { name: e.actorName, for: e.actingForName })
      : e.actorName
    : t('history.system');
  const why = reasonOf(e);
  return (
    <div data-testid="history-event">
      <Space wrap>
        <Typography.Text strong>{t(`history.events.${e.type}`, { defaultValue: e.type })}</Typography.Text>
        <Typography.Text type="secondary">#{e.seq}</Typography.Text>
        {broken && (
          <Tag style={{ color: '#7f1d1d', background: '#fef2f2', borderColor: '#fca5a5' }}>
            {t('history.brokenHere')}
          </Tag>
        )}
      </Space>
      <div>
        {t('history.by')}: {who}
      </div>
      {whatOf(e, t) && <div>{whatOf(e, t)}</div>}
      {e.type === 'ContentEdited' && <FieldChanges e={e} />}
      {why && (
        <div>
          {t(why.isReason ? 'history.why' : 'history.comment')}: <q>{why.text}</q>
        </div>
      )}
    </div>
  );
}

/** The event's reason (a revision, a rejection, an extension) or, failing that, its comment: labelled as what it is. */
function reasonOf(e: HistoryEvent): { text: string; isReason: boolean } | null {
  const p = e.payload;
  if (typeof p.reason === 'string' && p.reason) return { text: p.reason, isReason: true };
  if (typeof p.comment === 'string' && p.comment) return { text: p.comment, isReason: false };
  // A consolidation's approval keeps the leadership's comment in its decision record.
  const decision = p.decision as { comment?: unknown } | undefined;
  if (typeof decision?.comment === 'string' && decision.comment)
    return { text: decision.comment, isReason: false };
  return null;
}

/** The event's business content in one line (version, decision, amounts, new deadline, ...). */
function whatOf(e: HistoryEvent, t: TFunction): string | null {
  const p = e.payload as Record<string, unknown>;
  switch (e.type) {
    case 'PlanSubmitted':
      return t('history.what.submitted', { version: p.version, round: p.round });
    case 'ReviewOpened':
      return t('history.what.reviewOpened', {
        function: t(`reviewFunction.${p.function}`),
        stage: p.stage,
        due: formatDate(p.dueAt as string),
      });
    case 'ReviewDecided':
      return decisionText(t, String(p.decision), p.decisionRecord ? 'FINAL' : undefined);
    case 'ContentEdited': {
      const c = p.change as { kind?: string; summary?: string } | undefined;
      return c
        ? `${t(`history.changeKinds.${c.kind}`, { defaultValue: c.kind ?? '' })}: ${c.summary ?? ''}`
        : null;
    }
    case 'PlanApproved': {
      const r = p.decisionRecord as { number?: string; date?: string; signer?: string } | undefined;
      const totals = p.totals as { approved?: string } | undefined;
      return t('history.what.approved', {
        number: r?.number ?? '—',
        date: formatDate(r?.date),
        signer: r?.signer ?? '—',
        amount: formatVnd(totals?.approved ?? null),
      });
    }
    case 'ConsolidationCreated':
      return t('history.what.consolidated', {
        name: consolidationName(t, Number(p.number)),
        count: Array.isArray(p.plans) ? p.plans.length : 0,
      });
    case 'ConsolidationApproved': {
      const d = p.decision as { decisionNumber?: string; decisionDate?: string; signer?: string } | undefined;
      return t('history.what.consolidationApproved', {
        number: d?.decisionNumber ?? '—',
        date: formatDate(d?.decisionDate),
        signer: d?.signer ?? '—',
      });
    }
    case 'SubmissionDeadlineExtended':
      return t('history.what.extended', { date: formatDate(p.newDeadline as string) });
    default:
      return null;
  }
}

type FieldChange = { from: unknown; to: unknown };

/** Where each content field's label is (the same words as the forms). */
const FIELD_LABELS: Record<string, string> = {
  title: 'activity.fields.title',
  code: 'activity.fields.code',
  type: 'activity.fields.type',
  periodStart: 'activity.fields.periodStart',
  periodEnd: 'activity.fields.periodEnd',
  location: 'activity.fields.location',
  partnerCountries: 'activity.fields.partnerCountries',
  partnerOrganizations: 'edits.fields.partnerOrganizations',
  leadUnit: 'edits.fields.leadUnit',
  coordinatingUnits: 'edits.fields.coordinatingUnits',
  expectedResults: 'activity.fields.expectedResults',
  priority: 'activity.fields.priority',
  category: 'budget.category',
  description: 'budget.description',
  quantity: 'budget.quantity',
  unit: 'budget.unit',
  unitCost: 'budget.unitCost',
  amount: 'budget.requested',
  fundingSource: 'budget.fundingSource',
  guestClass: 'budget.guestClass',
  memberRole: 'budget.memberRole',
  normArticle: 'edits.fields.normArticle',
  payer: 'edits.fields.payer',
};

/** Fields whose values are codes of a list, shown by their label. */
const VALUE_LABELS: Record<string, string> = {
  type: 'activityType',
  priority: 'priority',
  category: 'category',
  fundingSource: 'fundingSource',
  guestClass: 'guestClass',
  memberRole: 'memberRole',
  payer: 'edits.payer',
};

/** A content edit's changed fields, each "field: old → new" (ContentEdited's `change.details.changes`). */
function FieldChanges({ e }: { e: HistoryEvent }) {
  const { t } = useTranslation();
  const change = (e.payload as { change?: { kind?: string; details?: { changes?: unknown } } }).change;
  const changes = change?.details?.changes;
  if (!changes || typeof changes !== 'object') return null;
  // In the form's order (the stored payload's key order is the database's).
  const order = Object.keys(FIELD_LABELS);
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  const entries = Object.entries(changes as Record<string, FieldChange>).sort(
    ([a], [b]) => rank(a) - rank(b),
  );
  if (!entries.length) return null;
  const label = (field: string) =>
    field === 'title' && change?.kind === 'PLAN_UPDATED'
      ? t('plan.fields.title')
      : field === 'objectives'
        ? t('plan.fields.objectives')
        : FIELD_LABELS[field]
          ? t(FIELD_LABELS[field])
          : field;
  const value = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0))
      return t('edits.none');
    if (field === 'unitCost' || field === 'amount') return formatVnd(v as string);
    if (Array.isArray(v)) return v.join('; ');
    if (VALUE_LABELS[field]) return t(`${VALUE_LABELS[field]}.${String(v)}`, { defaultValue: String(v) });
    return String(v);
  };
  return (
    <ul data-testid="history-changes" style={{ margin: '4px 0 0', paddingLeft: 20 }}>
      {entries.map(([field, c]) => (
        <li key={field}>
          {t('edits.changed', { field: label(field), from: value(field, c?.from), to: value(field, c?.to) })}
        </li>
      ))}
    </ul>
  );
}
