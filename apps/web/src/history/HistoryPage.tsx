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
import { useHistory, useHistoryVerification } from './historyApi';

/** The plan's audit history as a timeline (who, when, what, why) and whether its hash chain holds. */
export default function HistoryPage() {
  const { planId = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('history.title'));
  const plan = usePlan(planId);
  const history = useHistory(planId);
  const verify = useHistoryVerification(planId);
  if (history.isPending) return <Loading />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => history.refetch()} />;
  const items = [...history.data.items].reverse();
  return (
    <Card
      title={
        <Space orientation="vertical" size={0}>
          <h1 style={{ fontSize: 20, margin: 0 }}>{t('history.title')}</h1>
          {plan.data && (
            <Link to={`/plans/${planId}`} style={{ fontWeight: 'normal' }}>
              {plan.data.title}
            </Link>
          )}
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

function colorOf(type: string): string {
  if (/Approved|RolloutStarted/.test(type)) return 'green';
  if (/Overdue|Rejected/.test(type)) return 'red';
  if (/Revision|Withdrawn/.test(type)) return 'orange';
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
    case 'SubmissionDeadlineExtended':
      return t('history.what.extended', { date: formatDate(p.newDeadline as string) });
    default:
      return null;
  }
}
