import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/problem';
import type { Activity } from '../api/types';
import { applyFieldErrors, errorMessage } from '../common/errors';
import { ACTIVITY_TYPES, PRIORITIES } from './catalog';
import { CountryPicker } from './CountryPicker';
import { usePlanEdits } from './planApi';

interface ActivityForm {
  code?: string;
  title: string;
  type: string;
  periodStart?: string;
  periodEnd?: string;
  location?: string;
  partnerCountries?: string[];
  leadUnit?: string;
  coordinatingUnits?: string[];
  partnerOrganizations?: string[];
  expectedResults?: string;
  priority?: string;
}

const CLEARABLE = ['periodStart', 'periodEnd', 'location', 'leadUnit', 'expectedResults'] as const;

const PERIOD = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;

/** Add an activity, or edit one; the server's field errors land next to their fields. */
export function ActivityModal({
  planId,
  activity,
  onClose,
}: {
  planId: string;
  activity: Activity | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActivityForm>();
  const edits = usePlanEdits(planId);
  const save = useMutation({
    mutationFn: (v: ActivityForm) => {
      const filled = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== ''));
      if (!activity) return edits.addActivity(filled);
      // A text the officer emptied is cleared (null), not left as it was.
      const cleared = CLEARABLE.filter((k) => !(k in filled) && activity[k]);
      return edits.updateActivity(activity.id, {
        ...filled,
        ...Object.fromEntries(cleared.map((k) => [k, null])),
      });
    },
    onSuccess: () => {
      message.success(t('common.saved'));
      onClose();
    },
    onError: (err, v) => {
      // The code is the plan's name for the activity: say which one is taken, in the user's words.
      if (err instanceof ApiError && err.code === 'DUPLICATE_CODE') {
        form.setFields([{ name: 'code', errors: [t('edits.duplicateCode', { code: v.code ?? '' })] }]);
        return;
      }
      if (!applyFieldErrors(form, err)) message.error(errorMessage(err, t));
    },
  });
  const periodRule = { pattern: PERIOD, message: t('validation.period') };
  return (
    <Modal
      open
      title={activity ? t('activity.edit') : t('activity.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      width={640}
    >
      <Form<ActivityForm>
        form={form}
        layout="vertical"
        initialValues={
          activity
            ? {
                code: activity.code,
                title: activity.title,
                type: activity.type,
                periodStart: activity.periodStart ?? undefined,
                periodEnd: activity.periodEnd ?? undefined,
                location: activity.location ?? undefined,
                partnerCountries: activity.partnerCountries,
                leadUnit: activity.leadUnit ?? undefined,
                coordinatingUnits: activity.coordinatingUnits,
                partnerOrganizations: activity.partnerOrganizations,
                expectedResults: activity.expectedResults ?? undefined,
                priority: activity.priority ?? undefined,
              }
            : { type: 'FRIENDSHIP_EXCHANGE', priority: 'MEDIUM' }
        }
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="title"
          label={t('activity.fields.title')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="code" label={t('activity.fields.code')}>
          <Input placeholder="HĐ-04" />
        </Form.Item>
        <Form.Item
          name="type"
          label={t('activity.fields.type')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select options={ACTIVITY_TYPES.map((x) => ({ value: x, label: t(`activityType.${x}`) }))} />
        </Form.Item>
        <Form.Item name="periodStart" label={t('activity.fields.periodStart')} rules={[periodRule]}>
          <Input placeholder="2027-03 / 2027-Q2" />
        </Form.Item>
        <Form.Item name="periodEnd" label={t('activity.fields.periodEnd')} rules={[periodRule]}>
          <Input placeholder="2027-03 / 2027-Q2" />
        </Form.Item>
        <Form.Item name="location" label={t('activity.fields.location')}>
          <Input />
        </Form.Item>
        <Form.Item name="partnerCountries" label={t('activity.fields.partnerCountries')}>
          <CountryPicker />
        </Form.Item>
        <Form.Item name="leadUnit" label={t('edits.fields.leadUnit')}>
          <Input />
        </Form.Item>
        <Form.Item
          name="coordinatingUnits"
          label={t('edits.fields.coordinatingUnits')}
          extra={t('edits.listHint')}
        >
          <Select mode="tags" tokenSeparators={[';']} />
        </Form.Item>
        <Form.Item
          name="partnerOrganizations"
          label={t('edits.fields.partnerOrganizations')}
          extra={t('edits.listHint')}
        >
          <Select mode="tags" tokenSeparators={[';']} />
        </Form.Item>
        <Form.Item name="priority" label={t('activity.fields.priority')}>
          <Select options={PRIORITIES.map((x) => ({ value: x, label: t(`priority.${x}`) }))} />
        </Form.Item>
        <Form.Item name="expectedResults" label={t('activity.fields.expectedResults')}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
