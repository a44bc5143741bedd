import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Delegation } from '../api/types';
import { useMe } from '../auth/auth';
import { useColleagues } from '../auth/identityApi';
import { formatDate } from '../common/dates';
import { applyFieldErrors, errorMessage } from '../common/errors';
import { keepEnterInPicker } from '../common/pickers';
import { EmptyState, ErrorState, Loading } from '../common/states';
import { usePageTitle } from '../common/usePageTitle';
import { useCreateDelegation, useDelegations, useRevokeDelegation } from './delegationsApi';

interface DelegationForm {
  toUserId: string;
  from: Dayjs;
  to: Dayjs;
  reason: string;
}

/** An appraiser hands their reviews to a colleague of the same agency for a period ("X acting for Y"). */
export default function DelegationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('delegations.title'));
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<DelegationForm>();
  const list = useDelegations();
  const colleagues = useColleagues();
  const canDelegate = me.roles.includes('APPRAISER');
  const create = useCreateDelegation();
  const revoke = useRevokeDelegation();
  const onCreate = (v: DelegationForm) =>
    create.mutate(
      {
        toUserId: v.toUserId,
        validFrom: v.from.startOf('day').toISOString(),
        validTo: v.to.endOf('day').toISOString(),
        reason: v.reason.trim(),
      },
      {
        onSuccess: () => {
          message.success(t('delegations.created'));
          form.resetFields();
        },
        onError: (err) => {
          if (!applyFieldErrors(form, err, { validTo: 'to', validFrom: 'from' }))
            message.error(errorMessage(err, t));
        },
      },
    );
  const onRevoke = (id: string) =>
    revoke.mutate(id, { onError: (err) => message.error(errorMessage(err, t)) });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('delegations.title')}</h1>}>
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<Delegation>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={list.data.items}
            locale={{ emptyText: <EmptyState description={t('delegations.empty')} /> }}
            columns={[
              { title: t('delegations.from'), dataIndex: 'fromDisplayName' },
              { title: t('delegations.to'), dataIndex: 'toDisplayName' },
              {
                title: t('delegations.period'),
                render: (_, d) => `${formatDate(d.validFrom)} – ${formatDate(d.validTo)}`,
              },
              { title: t('delegations.reason'), dataIndex: 'reason', render: (r: string | null) => r ?? '—' },
              {
                title: t('delegations.state'),
                render: (_, d) =>
                  d.revokedAt ? (
                    <Tag>{t('delegations.revoked')}</Tag>
                  ) : Date.parse(d.validTo) < Date.now() ? (
                    <Tag>{t('delegations.expired')}</Tag>
                  ) : (
                    <Tag style={{ color: '#14532d', background: '#f0fdf4', borderColor: '#86efac' }}>
                      {t('delegations.active')}
                    </Tag>
                  ),
              },
              {
                title: <span className="sr-only">{t('common.actions')}</span>,
                render: (_, d) =>
                  d.fromUserId === me.id && !d.revokedAt && Date.parse(d.validTo) > Date.now() ? (
                    <Popconfirm title={t('delegations.revokeConfirm')} onConfirm={() => onRevoke(d.id)}>
                      <Button size="small" danger>
                        {t('delegations.revoke')}
                      </Button>
                    </Popconfirm>
                  ) : null,
              },
            ]}
          />
        )}
      </Card>
      {canDelegate && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('delegations.new')}</h2>}>
          <Alert type="info" showIcon title={t('delegations.help')} style={{ marginBottom: 16 }} />
          <Form<DelegationForm> form={form} layout="vertical" style={{ maxWidth: 560 }} onFinish={onCreate}>
            <Form.Item
              name="toUserId"
              label={t('delegations.to')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Select
                loading={colleagues.isPending}
                options={(colleagues.data?.items ?? [])
                  .filter((u) => u.id !== me.id)
                  .map((u) => ({ value: u.id, label: `${u.displayName} (${u.login})` }))}
              />
            </Form.Item>
            {/* No default dates: the appraiser states when they are away. Two labelled pickers, each
                 keeping Enter to itself. */}
            <Space wrap>
              <Form.Item
                name="from"
                label={t('reviewScreens.delegationFrom')}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <DatePicker format="DD/MM/YYYY" onKeyDown={keepEnterInPicker} />
              </Form.Item>
              <Form.Item
                name="to"
                label={t('reviewScreens.delegationTo')}
                dependencies={['from']}
                rules={[
                  { required: true, message: t('validation.required') },
                  ({ getFieldValue }) => ({
                    validator: (_, to?: Dayjs) => {
                      const from = getFieldValue('from') as Dayjs | undefined;
                      return to && from && to.isBefore(from, 'day')
                        ? Promise.reject(new Error(t('reviewScreens.delegationToBeforeFrom')))
                        : Promise.resolve();
                    },
                  }),
                ]}
              >
                <DatePicker format="DD/MM/YYYY" onKeyDown={keepEnterInPicker} />
              </Form.Item>
            </Space>
            <Form.Item
              name="reason"
              label={t('delegations.reason')}
              rules={[
                { required: true, whitespace: true, message: t('reviewScreens.delegationReasonRequired') },
              ]}
            >
              <Input.TextArea rows={2} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              {t('delegations.create')}
            </Button>
          </Form>
        </Card>
      )}
    </Space>
  );
}
