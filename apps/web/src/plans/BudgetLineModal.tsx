import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../api/types';
import { applyFieldErrors, errorMessage } from '../common/errors';
import { formatVnd, groupDigits, parseDigits, toBig, vndBody } from '../common/money';
import { BUDGET_CATEGORIES, FUNDING_SOURCES, GUEST_CLASSES, MEMBER_ROLES } from './catalog';
import { usePlanEdits } from './planApi';

interface LineForm {
  category: string;
  description: string;
  quantity: number;
  unit: string;
  unitCost: string;
  fundingSource: string;
  guestClass?: string;
  memberRole?: string;
}

/** A new budget line of an activity; the requested amount is quantity × unit cost. */
export function BudgetLineModal({
  planId,
  activity,
  onClose,
}: {
  planId: string;
  activity: Activity;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<LineForm>();
  const edits = usePlanEdits(planId);
  const quantity = Form.useWatch('quantity', form);
  const unitCost = Form.useWatch('unitCost', form);
  const save = useMutation({
    mutationFn: (v: LineForm) =>
      edits.addBudgetLine(activity.id, {
        ...v,
        unitCost: vndBody(v.unitCost),
        guestClass: v.guestClass ?? null,
        memberRole: v.memberRole ?? null,
      }),
    onSuccess: () => {
      message.success(t('common.saved'));
      onClose();
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err)) message.error(errorMessage(err, t));
    },
  });
  return (
    <Modal
      open
      title={`${t('budget.add')} — ${activity.code}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      width={640}
    >
      <Form<LineForm>
        form={form}
        layout="vertical"
        initialValues={{ category: 'OTHER', fundingSource: 'STATE_BUDGET', quantity: 1 }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="description"
          label={t('budget.description')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="category"
          label={t('budget.category')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select options={BUDGET_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
        </Form.Item>
        <Form.Item
          name="quantity"
          label={t('budget.quantity')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="unit"
          label={t('budget.unit')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input placeholder={t('budget.unitPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="unitCost"
          label={t('budget.unitCost')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber<string>
            stringMode
            min="0"
            precision={0}
            style={{ width: '100%' }}
            formatter={(x) => (x ? groupDigits(x) : '')}
            parser={(x) => parseDigits(x)}
            addonAfter="₫"
          />
        </Form.Item>
        <Form.Item label={t('budget.requested')}>
          <span className="money" data-testid="new-line-amount">
            {formatVnd(toBig(quantity ?? 0) * toBig(unitCost ?? 0))}
          </span>
        </Form.Item>
        <Form.Item
          name="fundingSource"
          label={t('budget.fundingSource')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
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
