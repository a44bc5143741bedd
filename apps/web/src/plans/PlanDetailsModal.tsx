import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../api/types';
import { applyFieldErrors, errorMessage } from '../common/errors';
import { usePlanEdits } from './planApi';

/** The plan's own title and objectives (draft or revision only). */
export function PlanDetailsModal({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title: string; objectives: string }>();
  const edits = usePlanEdits(plan.id);
  const save = useMutation({
    mutationFn: edits.updateDetails,
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
      title={t('plan.editDetails')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      width={720}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ title: plan.title, objectives: plan.objectives }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="title"
          label={t('plan.fields.title')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="objectives" label={t('plan.fields.objectives')}>
          <Input.TextArea rows={5} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
