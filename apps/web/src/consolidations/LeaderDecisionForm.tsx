import { Alert, App, Button, Form, Input, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consolidation } from '../api/types';
import { applyFieldErrors, errorMessage } from '../common/errors';
import { DecisionRecordFields } from '../common/DecisionRecordFields';
import { useApproveConsolidation, useReturnConsolidation } from './consolidationsApi';

type Choice = 'APPROVE' | 'RETURN';

interface Values {
  choice: Choice;
  decisionNumber?: string;
  decisionDate?: Dayjs;
  signer?: string;
  comment?: string;
  reason?: string;
}

/**
 * The leadership's decision on a pending consolidation: approve it with the decision record
 * (number, date not after today, signer, optional comment), or return it with a reason. The
 * server's field errors land on the fields they name.
 */
export function LeaderDecisionForm({ consolidation }: { consolidation: Consolidation }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const choice: Choice = Form.useWatch('choice', form) ?? 'APPROVE';
  const [formError, setFormError] = useState<string | null>(null);
  const approve = useApproveConsolidation(consolidation.id);
  const giveBack = useReturnConsolidation(consolidation.id);

  // Field errors sit on their fields; the alert then says so rather than repeat the server's
  // sentence, which names the fields by their API names.
  const onError = (err: unknown) =>
    setFormError(applyFieldErrors(form, err) ? t('consolidation.leader.fixFields') : errorMessage(err, t));
  const onFinish = (v: Values) => {
    setFormError(null);
    if (v.choice === 'RETURN') {
      giveBack.mutate(
        { reason: v.reason!.trim() },
        { onSuccess: () => message.success(t('consolidation.leader.returned')), onError },
      );
      return;
    }
    approve.mutate(
      {
        decisionNumber: v.decisionNumber!.trim(),
        decisionDate: v.decisionDate!.format('YYYY-MM-DD'),
        signer: v.signer!.trim(),
        ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}),
      },
      { onSuccess: () => message.success(t('consolidation.leader.approved')), onError },
    );
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ choice: 'APPROVE' }}
      onFinish={onFinish}
      style={{ maxWidth: 720 }}
      data-testid="leader-form"
    >
      {formError && (
        <Alert type="error" showIcon title={formError} role="alert" style={{ marginBottom: 16 }} />
      )}
      <Form.Item name="choice" label={t('consolidation.leader.choice')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'APPROVE', label: t('consolidation.leader.approve') },
            { value: 'RETURN', label: t('consolidation.leader.return') },
          ]}
        />
      </Form.Item>
      {choice === 'APPROVE' ? (
        <>
          <Typography.Paragraph type="secondary">{t('consolidation.leader.help')}</Typography.Paragraph>
          <DecisionRecordFields />
          <Form.Item name="comment" label={t('consolidation.leader.comment')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </>
      ) : (
        <Form.Item
          name="reason"
          label={t('consolidation.leader.reason')}
          rules={[{ required: true, whitespace: true, message: t('consolidation.leader.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      )}
      <Button
        type="primary"
        htmlType="submit"
        danger={choice === 'RETURN'}
        loading={approve.isPending || giveBack.isPending}
      >
        {choice === 'APPROVE'
          ? t('consolidation.leader.submitApprove')
          : t('consolidation.leader.submitReturn')}
      </Button>
    </Form>
  );
}
