import { Card, List, Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ContentChange, Diff, DiffValue, Plan } from '../api/types';
import { formatVnd } from '../common/money';
import { EmptyState, ErrorState, Loading } from '../common/states';
import { isEditable } from './planRules';
import { useVersionDiff, useWorkingChanges } from '../history/historyApi';

/**
 * What changed: the working copy against the version the reviewers saw (while a revision is in
 * progress), and each submitted version against the one before it.
 */
export function ChangesPanel({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const last = plan.submittedVersion;
  const working = useWorkingChanges(plan.id, last > 0 && isEditable(plan.status));
  const versions = useVersionDiff(plan.id, last, last - 1, last >= 2);
  if (last === 0) return <EmptyState description={t('changes.neverSubmitted')} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {isEditable(plan.status) && <DiffCard title={t('changes.working', { version: last })} q={working} />}
      {last >= 2 ? (
        <DiffCard title={t('changes.between', { to: last, from: last - 1 })} q={versions} />
      ) : (
        <Typography.Text type="secondary">{t('changes.oneVersion')}</Typography.Text>
      )}
    </Space>
  );
}

function DiffCard({
  title,
  q,
}: {
  title: string;
  q: { isPending: boolean; isError: boolean; error: unknown; data?: Diff };
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>} data-testid="diff">
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorState error={q.error} />
      ) : !q.data?.changes.length ? (
        <Typography.Text type="secondary">{t('changes.none')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={q.data.changes}
          renderItem={(c) => <List.Item>{describeChange(c, t)}</List.Item>}
        />
      )}
    </Card>
  );
}

const MONEY_FIELDS = ['amount', 'requestedAmount', 'unitCost'];

function show(v: DiffValue, field: string, t: TFunction): string {
  if (v === null || v === '') return '∅';
  if (MONEY_FIELDS.includes(field) && (typeof v === 'number' || typeof v === 'string')) return formatVnd(v);
  if (field === 'fundingSource' && typeof v === 'string') return t(`fundingSource.${v}`);
  if (field === 'category' && typeof v === 'string') return t(`category.${v}`);
  if (field === 'type' && typeof v === 'string') return t(`activityType.${v}`);
  if (Array.isArray(v)) return v.map((x) => show(x, field, t)).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function fieldName(field: string, t: TFunction): string {
  return t(`changes.fields.${field}`, { defaultValue: field });
}

export function describeChange(c: ContentChange, t: TFunction) {
  const tag = (color: string, text: string) => (
    <Tag style={{ color, background: '#fff', borderColor: color, marginInlineEnd: 8 }}>{text}</Tag>
  );
  switch (c.kind) {
    case 'PLAN_CHANGED':
      return (
        <span>
          {tag('#1e3a8a', t('changes.kinds.changed'))}
          {t('changes.plan', { field: fieldName(c.field, t) })}: <del>{show(c.from, c.field, t)}</del> →{' '}
          <ins>{show(c.to, c.field, t)}</ins>
        </span>
      );
    case 'ACTIVITY_ADDED':
    case 'ACTIVITY_REMOVED':
      return (
        <span>
          {c.kind === 'ACTIVITY_ADDED'
            ? tag('#14532d', t('changes.kinds.added'))
            : tag('#7f1d1d', t('changes.kinds.removed'))}
          {t('changes.activity', { code: c.code })}: {c.title}
        </span>
      );
    case 'ACTIVITY_CHANGED':
      return (
        <span>
          {tag('#1e3a8a', t('changes.kinds.changed'))}
          {t('changes.activity', { code: c.code })} — {fieldName(c.field, t)}:{' '}
          <del>{show(c.from, c.field, t)}</del> → <ins>{show(c.to, c.field, t)}</ins>
        </span>
      );
    case 'BUDGET_LINE_ADDED':
    case 'BUDGET_LINE_REMOVED':
      return (
        <span>
          {c.kind === 'BUDGET_LINE_ADDED'
            ? tag('#14532d', t('changes.kinds.added'))
            : tag('#7f1d1d', t('changes.kinds.removed'))}
          {t('changes.line', { code: c.activityCode, description: c.description })}: {formatVnd(c.amount)}
        </span>
      );
    case 'BUDGET_LINE_CHANGED':
      return (
        <span>
          {tag('#1e3a8a', t('changes.kinds.changed'))}
          {t('changes.line', { code: c.activityCode, description: c.description })} — {fieldName(c.field, t)}:{' '}
          <del>{show(c.from, c.field, t)}</del> → <ins>{show(c.to, c.field, t)}</ins>
        </span>
      );
    case 'TOTAL_REQUESTED_CHANGED':
      return (
        <strong>
          {t('changes.total')}: <del>{formatVnd(c.from)}</del> → <ins>{formatVnd(c.to)}</ins>
        </strong>
      );
  }
}
