import { REVIEW_DECISIONS, type ReviewDecision } from '@vufo/domain/approval/types';
import { Alert, App, Button, Form, Input, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Review } from '../api/types';
import { applyFieldErrors, errorMessage } from '../common/errors';
import { DecisionRecordFields } from '../common/DecisionRecordFields';
import type { LineDecisions } from './lineDecisions';
import { DecisionRequest, LineDecision, useDecideReview } from './reviewsApi';
import { decisionText } from '../common/decisions';

interface DecisionValues {
  decision: ReviewDecision;
  comment?: string;
  decisionNumber?: string;
  decisionDate?: Dayjs;
  signer?: string;
}

/**
 * The reviewer's decision on a pending review: approve, send back for revision, or reject (a
 * reason for the last two). A budget review sends its line amounts; an approval at the last
 * stage of the route carries the decision record, which makes it the plan's approval.
 */
export function DecisionForm({
  planId,
  review,
  isLastStage,
  lines,
}: {
  planId: string;
  review: Review;
  isLastStage: boolean;
  /** The budget review's line entries; null for a review of the content. */
  lines: LineDecisions | null;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<DecisionValues>();
  const decision = Form.useWatch('decision', form) ?? 'APPROVE';
  const [formError, setFormError] = useState<string | null>(null);
  const decide = useDecideReview(planId, review.id);
  const asksRecord = isLastStage && decision === 'APPROVE';

  const onFinish = (v: DecisionValues) => {
    setFormError(null);
    // An approval gives every line an amount the reviewer chose: none is filled in by default.
    if (lines && !lines.checkComplete(v.decision, t('reviewScreens.amountRequired'))) {
      setFormError(t('reviewScreens.amountsMissing'));
      return;
    }
    const sent: LineDecision[] | undefined =
      lines && v.decision !== 'REJECT' ? lines.linesFor(v.decision) : undefined;
    const body: DecisionRequest = {
      decision: v.decision,
      comment: v.comment?.trim() || undefined,
      ...(sent ? { lines: sent } : {}),
      ...(isLastStage && v.decision === 'APPROVE'
        ? {
            decisionNumber: v.decisionNumber?.trim(),
            decisionDate: v.decisionDate?.format('YYYY-MM-DD'),
            signer: v.signer?.trim(),
          }
        : {}),
    };
    decide.mutate(body, {
      onSuccess: () => {
        message.success(t('review.decided'));
        navigate('/reviews');
      },
      onError: (err) => {
        lines?.showErrors(err, sent ?? []);
        applyFieldErrors(form, err, {
          'decisionRecord.number': 'decisionNumber',
          'decisionRecord.date': 'decisionDate',
          'decisionRecord.signer': 'signer',
        });
        setFormError(errorMessage(err, t));
      },
    });
  };

  return (
    <Form<DecisionValues>
      form={form}
      layout="vertical"
      initialValues={{ decision: 'APPROVE' }}
      onFinish={onFinish}
      style={{ maxWidth: 720 }}
    >
      {formError && (
        <Alert type="error" showIcon title={formError} role="alert" style={{ marginBottom: 16 }} />
      )}
      <Form.Item name="decision" label={t('review.decisionLabel')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={REVIEW_DECISIONS.map((d) => ({ value: d, label: decisionText(t, d, review.function) }))}
        />
      </Form.Item>
      <Form.Item
        name="comment"
        label={decision === 'APPROVE' ? t('review.comment') : t('review.reason')}
        rules={[{ required: decision !== 'APPROVE', whitespace: true, message: t('review.reasonRequired') }]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      {asksRecord && (
        <>
          <Typography.Paragraph type="secondary">{t('review.decisionRecordHelp')}</Typography.Paragraph>
          <DecisionRecordFields />
        </>
      )}
      <Button type="primary" htmlType="submit" loading={decide.isPending} danger={decision === 'REJECT'}>
        {t('review.send', {
          decision: decisionText(t, decision, review.function),
          context: review.function === 'FINAL' ? 'FINAL' : undefined,
        })}
      </Button>
    </Form>
  );
}
