import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import type { Activity, BudgetLine } from '../api/types';
import { applyFieldErrors, errorMessage } from '../common/errors';
import { formatVnd, groupDigits, toBig, vndBody, wholeNumberText } from '../common/money';
import { BUDGET_CATEGORIES, FUNDING_SOURCES, GUEST_CLASSES, MEMBER_ROLES } from './catalog';
import { usePlanEdits } from './planApi';

/** The numbers are kept as typed (text): a form never turns "abc" into 0 or -3 into 1. */
interface LineForm {
  category: string;
  description: string;
  quantity: string;
  unit: string;
  unitCost: string;
  fundingSource: string;
  guestClass?: string | null;
  memberRole?: string | null;
}

/**
 * A new budget line of an activity, or one of its lines edited (guest class and role in the
 * delegation included); the requested amount is quantity × unit cost.
 */
export function BudgetLineModal({
  planId,
  activity,
  line = null,
  onClose,
}: {
  planId: string;
  activity: Activity;
  line?: BudgetLine | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<LineForm>();
  const edits = usePlanEdits(planId);
  const quantity = wholeNumberText(Form.useWatch('quantity', form) ?? '');
  const unitCost = wholeNumberText(Form.useWatch('unitCost', form) ?? '');
  const save = useMutation({
    mutationFn: (v: LineForm) => {
      const body = {
        ...v,
        quantity: vndBody(wholeNumberText(v.quantity) ?? v.quantity),
        unitCost: vndBody(wholeNumberText(v.unitCost) ?? v.unitCost),
        guestClass: v.guestClass ?? null,
        memberRole: v.memberRole ?? null,
      };
      if (!line) return edits.addBudgetLine(activity.id, body);
      const changed = changedOnly(body, line);
      // Nothing changed: nothing to send (and nothing to record in the history).
      return Object.keys(changed).length ? edits.updateBudgetLine(line.id, changed) : Promise.resolve();
    },
    onSuccess: () => {
      message.success(t('common.saved'));
      onClose();
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err)) message.error(errorMessage(err, t));
    },
  });
  const whole = (field: string, min: number): Rule => ({
    validator: async (_rule, value: string | undefined) => {
      if (value === undefined || value === '') return;
      const typed = wholeNumberText(value);
      if (typed === null) throw new Error(t('edits.wholeNumber', { field }));
      if (BigInt(typed) < BigInt(min)) throw new Error(t('edits.atLeast', { field, min }));
    },
  });
  const required = { required: true, message: t('validation.required') };
  return (
    <Modal
      open
      title={`${line ? t('edits.editLine') : t('budget.add')} — ${activity.code}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      width={640}
    >
      <Form<LineForm>
        form={form}
        layout="vertical"
        initialValues={
          line
            ? {
                category: line.category,
                description: line.description,
                quantity: String(line.quantity),
                unit: line.unit,
                unitCost: groupDigits(String(line.unitCost)),
                fundingSource: line.fundingSource,
                guestClass: line.guestClass ?? undefined,
                memberRole: line.memberRole ?? undefined,
              }
            : { category: 'OTHER', fundingSource: 'STATE_BUDGET', quantity: '1' }
        }
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="description" label={t('budget.description')} rules={[required]}>
          <Input />
        </Form.Item>
        <Form.Item name="category" label={t('budget.category')} rules={[required]}>
          <Select options={BUDGET_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
        </Form.Item>
        <Form.Item
          name="quantity"
          label={t('budget.quantity')}
          rules={[required, whole(t('budget.quantity'), 1)]}
        >
          <Input inputMode="numeric" />
        </Form.Item>
        <Form.Item name="unit" label={t('budget.unit')} rules={[required]}>
          <Input placeholder={t('budget.unitPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="unitCost"
          label={t('budget.unitCost')}
          rules={[required, whole(t('budget.unitCost'), 0)]}
        >
          <Input inputMode="numeric" addonAfter="₫" />
        </Form.Item>
        <Form.Item label={t('budget.requested')}>
          <span className="money" data-testid="new-line-amount">
            {quantity !== null && unitCost !== null ? formatVnd(toBig(quantity) * toBig(unitCost)) : '—'}
          </span>
        </Form.Item>
        <Form.Item name="fundingSource" label={t('budget.fundingSource')} rules={[required]}>
          <Select options={FUNDING_SOURCES.map((s) => ({ value: s, label: t(`fundingSource.${s}`) }))} />
        </Form.Item>
        <Form.Item name="guestClass" label={t('budget.guestClass')}>
          <Select
            allowClear
            options={GUEST_CLASSES.map((s) => ({ value: s, label: t(`guestClass.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="memberRole" label={t('budget.memberRole')}>
          <Select allowClear options={MEMBER_ROLES.map((s) => ({ value: s, label: t(`memberRole.${s}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** An edit sends only what differs from the line as it stands, so the history names only those. */
function changedOnly(body: Record<string, unknown>, line: BudgetLine): Record<string, unknown> {
  const was = line as unknown as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(body).filter(([k, v]) => String(v ?? '') !== String(was[k] ?? '')),
  );
}
