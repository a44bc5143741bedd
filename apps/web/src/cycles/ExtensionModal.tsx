import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardProvince } from '../api/types';
import { formatDate } from '../common/dates';
import { applyFieldErrors, errorMessage } from '../common/errors';
import { useGrantExtension } from './cyclesApi';

/** A LEADER moves one union's submission deadline; the reason goes into the audit history. */
export function ExtensionModal({
  cycleId,
  province,
  onClose,
}: {
  cycleId: string;
  province: DashboardProvince;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newDeadline: Dayjs; reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const grant = useGrantExtension(cycleId);
  const onGrant = (v: { newDeadline: Dayjs; reason: string }) =>
    grant.mutate(
      {
        organizationId: province.organizationId,
        newDeadline: v.newDeadline.format('YYYY-MM-DD'),
        reason: v.reason.trim(),
      },
      {
        onSuccess: (r) => {
          message.success(t('extension.granted', { date: formatDate(r.newDeadline) }));
          onClose();
        },
        onError: (err) => {
          if (!applyFieldErrors(form, err)) setError(errorMessage(err, t));
        },
      },
    );
  // A week past the current deadline (or today, if it has passed): an extension moves it later.
  const current = province.submissionDeadline ? dayjs(province.submissionDeadline) : dayjs();
  const suggested = (current.isAfter(dayjs()) ? current : dayjs()).add(7, 'day');
  const name = i18n.language === 'en' ? province.nameEn : province.nameVi;
  return (
    <Modal
      open
      title={t('extension.title', { name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('extension.grant')}
      confirmLoading={grant.isPending}
    >
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ newDeadline: suggested }} onFinish={onGrant}>
        <Form.Item
          name="newDeadline"
          label={t('extension.newDeadline')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('extension.reason')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
