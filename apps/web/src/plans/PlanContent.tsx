import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity, BudgetLine, Plan } from '../api/types';
import { countryName } from '../common/countries';
import { errorMessage } from '../common/errors';
import { formatVnd, sumBy, toBig, vndBody } from '../common/money';
import { formatPeriodRange } from '../common/periods';
import { ActivityModal } from './ActivityModal';
import { BudgetLineModal } from './BudgetLineModal';
import { BUDGET_CATEGORIES, FUNDING_SOURCES } from './catalog';
import { NumberCell, SelectCell, TextCell } from './cells';
import { FundingTotals, SourceTotal } from './FundingTotals';
import { NormFlag } from './NormFlag';
import { usePlanEdits } from './planApi';

/** What reviewers said about a line: agency and comment, shown under the line they concern. */
export type LineComments = Map<string, { agencyName: string; comment: string }[]>;

// What the cells hold while a line is edited: the select's value and the typed numbers, as text.
type Draft = { fundingSource?: string; quantity?: string; unitCost?: string };

/**
 * The plan as a structured table: each activity with its budget lines, edited in place when the
 * plan is the user's own draft; totals by funding source follow every keystroke.
 */
export function PlanContent({
  plan,
  editable,
  lineComments,
}: {
  plan: Plan;
  editable: boolean;
  lineComments: LineComments;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const edits = usePlanEdits(plan.id);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [activityModal, setActivityModal] = useState<Activity | 'new' | null>(null);
  const [lineModal, setLineModal] = useState<{ activity: Activity; line: BudgetLine | null } | null>(null);
  const showApproved = plan.activities.some((a) => a.budgetLines.some((l) => l.approvedAmount !== null));

  const amountOf = (l: BudgetLine): bigint => {
    const d = drafts[l.id];
    if (!d || (d.quantity === undefined && d.unitCost === undefined)) return toBig(l.amount);
    return toBig(d.quantity ?? l.quantity) * toBig(d.unitCost ?? l.unitCost);
  };

  const totals = useMemo(() => {
    const m = new Map<string, SourceTotal>();
    for (const a of plan.activities)
      for (const l of a.budgetLines) {
        const src = drafts[l.id]?.fundingSource ?? l.fundingSource;
        const cur = m.get(src) ?? { requested: 0n, approved: 0n };
        cur.requested += amountOf(l);
        cur.approved = (cur.approved ?? 0n) + toBig(l.approvedAmount);
        m.set(src, cur);
      }
    return m;
  }, [plan, drafts]);

  const live = (id: string, patch: Draft) => setDrafts((d) => ({ ...d, [id]: { ...d[id], ...patch } }));
  const saveLine = async (id: string, patch: Record<string, unknown>) => {
    try {
      await edits.updateBudgetLine(id, patch);
    } finally {
      setDrafts((d) => {
        const rest = { ...d };
        delete rest[id];
        return rest;
      });
    }
  };
  const remove = async (send: () => Promise<unknown>) => {
    try {
      await send();
      message.success(t('common.deleted'));
    } catch (err) {
      message.error(errorMessage(err, t));
    }
  };

  const lineColumns = (a: Activity) => [
    {
      title: t('budget.description'),
      key: 'description',
      render: (_: unknown, l: BudgetLine) => (
        <>
          {editable ? (
            <TextCell
              value={l.description}
              label={t('budget.description')}
              onSave={(v) => saveLine(l.id, { description: v })}
            />
          ) : (
            l.description
          )}
          {(l.guestClass || l.memberRole) && (
            <Space size={4} wrap style={{ marginTop: 4 }} data-testid="line-delegation">
              {l.guestClass && (
                <Tag>
                  {t('budget.guestClass')}: {t(`guestClass.${l.guestClass}`)}
                </Tag>
              )}
              {l.memberRole && (
                <Tag>
                  {t('budget.memberRole')}: {t(`memberRole.${l.memberRole}`)}
                </Tag>
              )}
            </Space>
          )}
          {(lineComments.get(l.id) ?? []).map((c, i) => (
            <div key={i} className="line-comment" data-testid="line-comment">
              <strong>{c.agencyName}:</strong> {c.comment}
            </div>
          ))}
        </>
      ),
    },
    {
      title: t('budget.category'),
      key: 'category',
      width: 170,
      render: (_: unknown, l: BudgetLine) =>
        editable ? (
          <SelectCell
            value={l.category}
            label={t('budget.category')}
            options={BUDGET_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
            onSave={(v) => saveLine(l.id, { category: v })}
          />
        ) : (
          t(`category.${l.category}`)
        ),
    },
    {
      title: t('budget.quantity'),
      key: 'quantity',
      width: 100,
      render: (_: unknown, l: BudgetLine) =>
        editable ? (
          <NumberCell
            value={String(l.quantity)}
            label={`${t('budget.quantity')} — ${l.description}`}
            field={t('budget.quantity')}
            min={1}
            onLive={(v) => live(l.id, { quantity: v })}
            onSave={(v) => saveLine(l.id, { quantity: vndBody(v) })}
          />
        ) : (
          `${l.quantity}`
        ),
    },
    {
      title: t('budget.unit'),
      key: 'unit',
      width: 110,
      render: (_: unknown, l: BudgetLine) =>
        editable ? (
          <TextCell value={l.unit} label={t('budget.unit')} onSave={(v) => saveLine(l.id, { unit: v })} />
        ) : (
          l.unit
        ),
    },
    {
      title: t('budget.unitCost'),
      key: 'unitCost',
      width: 150,
      align: 'right' as const,
      render: (_: unknown, l: BudgetLine) =>
        editable ? (
          <NumberCell
            money
            value={String(l.unitCost)}
            label={`${t('budget.unitCost')} — ${l.description}`}
            field={t('budget.unitCost')}
            onLive={(v) => live(l.id, { unitCost: v })}
            onSave={(v) => saveLine(l.id, { unitCost: vndBody(v) })}
          />
        ) : (
          <span className="money">{formatVnd(l.unitCost)}</span>
        ),
    },
    {
      title: t('budget.requested'),
      key: 'amount',
      width: 150,
      align: 'right' as const,
      render: (_: unknown, l: BudgetLine) => (
        <Space orientation="vertical" size={2} align="end">
          <span className="money" data-testid="line-amount">
            {formatVnd(amountOf(l))}
          </span>
          <NormFlag overNorm={l.overNorm} />
        </Space>
      ),
    },
    ...(showApproved
      ? [
          {
            title: t('budget.approved'),
            key: 'approved',
            width: 150,
            align: 'right' as const,
            render: (_: unknown, l: BudgetLine) => (
              <span className="money">{formatVnd(l.approvedAmount)}</span>
            ),
          },
        ]
      : []),
    {
      title: t('budget.fundingSource'),
      key: 'fundingSource',
      width: 170,
      render: (_: unknown, l: BudgetLine) =>
        editable ? (
          <SelectCell
            value={l.fundingSource}
            label={t('budget.fundingSource')}
            options={FUNDING_SOURCES.map((s) => ({ value: s, label: t(`fundingSource.${s}`) }))}
            onLive={(v) => live(l.id, { fundingSource: v })}
            onSave={(v) => saveLine(l.id, { fundingSource: v })}
          />
        ) : (
          t(`fundingSource.${l.fundingSource}`)
        ),
    },
    ...(editable
      ? [
          {
            title: <span className="sr-only">{t('common.actions')}</span>,
            key: 'actions',
            width: 96,
            render: (_: unknown, l: BudgetLine) => (
              <Space size={0}>
                <Button
                  type="text"
                  icon={<EditOutlined aria-hidden />}
                  aria-label={`${t('edits.editLine')}: ${l.description}`}
                  onClick={() => setLineModal({ activity: a, line: l })}
                />
                <Popconfirm
                  title={t('budget.removeConfirm')}
                  onConfirm={() => remove(() => edits.removeBudgetLine(l.id))}
                >
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={`${t('common.delete')}: ${l.description}`}
                  />
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <FundingTotals totals={totals} showApproved={showApproved} caption={t('budget.totalsByFunding')} />
      {plan.activities.length === 0 && (
        <Card>
          <Typography.Text type="secondary">{t('activity.empty')}</Typography.Text>
        </Card>
      )}
      {plan.activities.map((a) => (
        <Card
          key={a.id}
          size="small"
          data-testid="activity"
          title={
            <Space wrap>
              <Tag>{a.code}</Tag>
              <h2 style={{ fontSize: 16, margin: 0, display: 'inline' }}>{a.title}</h2>
              {a.sourceProvinceCode && (
                <Tag data-testid="source-province">
                  {t('merge.sourceProvince', { code: a.sourceProvinceCode })}
                </Tag>
              )}
            </Space>
          }
          extra={
            editable && (
              <Space>
                <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setActivityModal(a)}>
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={t('activity.removeConfirm')}
                  onConfirm={() => remove(() => edits.removeActivity(a.id))}
                >
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={`${t('common.delete')}: ${a.code}`}
                  />
                </Popconfirm>
              </Space>
            )
          }
        >
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {[
              t(`activityType.${a.type}`),
              formatPeriodRange(a.periodStart, a.periodEnd, t),
              a.location,
              a.partnerCountries?.map((c) => countryName(c, i18n.language)).join(', '),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Paragraph>
          <ActivityUnits activity={a} />
          {a.expectedResults && (
            <Typography.Paragraph style={{ marginBottom: 8 }}>
              <strong>{t('activity.fields.expectedResults')}:</strong> {a.expectedResults}
            </Typography.Paragraph>
          )}
          <Table<BudgetLine>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={a.budgetLines}
            columns={lineColumns(a)}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('budget.empty') }}
          />
          {a.budgetLines.length > 0 && (
            <Typography.Paragraph
              data-testid="activity-subtotal"
              style={{ textAlign: 'right', margin: '8px 0 0', fontWeight: 600 }}
            >
              {t('edits.subtotal', { code: a.code })}: {t('budget.requested')}{' '}
              <span className="money">{formatVnd(sumBy(a.budgetLines, (l) => amountOf(l)))}</span>
              {showApproved && (
                <>
                  {' · '}
                  {t('budget.approved')}{' '}
                  <span className="money">{formatVnd(sumBy(a.budgetLines, (l) => l.approvedAmount))}</span>
                </>
              )}
            </Typography.Paragraph>
          )}
          {editable && (
            <Button
              style={{ marginTop: 8 }}
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setLineModal({ activity: a, line: null })}
            >
              {t('budget.add')}
            </Button>
          )}
        </Card>
      ))}
      {editable && (
        <Button
          type="dashed"
          block
          icon={<PlusOutlined aria-hidden />}
          onClick={() => setActivityModal('new')}
        >
          {t('activity.add')}
        </Button>
      )}
      {activityModal && (
        <ActivityModal
          planId={plan.id}
          activity={activityModal === 'new' ? null : activityModal}
          onClose={() => setActivityModal(null)}
        />
      )}
      {lineModal && (
        <BudgetLineModal
          planId={plan.id}
          activity={lineModal.activity}
          line={lineModal.line}
          onClose={() => setLineModal(null)}
        />
      )}
    </Space>
  );
}

/** Who carries the activity out: the lead unit, the coordinating units and the partner organisations. */
function ActivityUnits({ activity: a }: { activity: Activity }) {
  const { t } = useTranslation();
  const rows: [string, string, string | null][] = [
    ['leadUnit', t('edits.fields.leadUnit'), a.leadUnit || null],
    ['coordinatingUnits', t('edits.fields.coordinatingUnits'), a.coordinatingUnits?.join('; ') || null],
    [
      'partnerOrganizations',
      t('edits.fields.partnerOrganizations'),
      a.partnerOrganizations?.join('; ') || null,
    ],
  ];
  const shown = rows.filter(([, , v]) => v);
  if (!shown.length) return null;
  return (
    <dl className="activity-units" style={{ margin: '0 0 8px' }} data-testid="activity-units">
      {shown.map(([key, label, value]) => (
        <div key={key}>
          <dt style={{ display: 'inline', fontWeight: 600 }}>{label}:</dt>{' '}
          <dd style={{ display: 'inline', margin: 0 }}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
