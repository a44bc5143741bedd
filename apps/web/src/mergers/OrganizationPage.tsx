import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  List,
  Modal,
  Select,
  Space,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Organization } from '../api/types';
import { useMe } from '../auth/auth';
import { formatDate } from '../common/dates';
import { applyFieldErrors, errorMessage } from '../common/errors';
import { orgName } from '../common/names';
import { ErrorState, Loading } from '../common/states';
import { usePageTitle } from '../common/usePageTitle';
import { newIdempotencyKey, useLineage, useMerge, useUnions } from './mergersApi';

/** One union: its lineage (who merged into it, whom it merged into) and, for an ADMIN, the merger. */
export default function OrganizationPage() {
  const { t, i18n } = useTranslation();
  const { organizationId } = useParams();
  const lineage = useLineage(organizationId);
  const me = useMe();
  const [merging, setMerging] = useState(false);
  const name = (o: { nameVi: string; nameEn?: string | null }) => orgName(o.nameVi, o.nameEn, i18n.language);
  usePageTitle(lineage.data ? name(lineage.data.organization) : t('organizations.title'));
  if (lineage.isPending) return <Loading />;
  if (lineage.isError) return <ErrorState error={lineage.error} onRetry={() => lineage.refetch()} />;
  const { organization: org, predecessors, successor } = lineage.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/organizations">{t('organizations.back')}</Link>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {name(org)}
      </Typography.Title>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('organizations.province')}>{org.provinceCode}</Descriptions.Item>
        <Descriptions.Item label={t('organizations.status')}>
          {org.status === 'MERGED' ? t('organizations.merged') : t('organizations.active')}
        </Descriptions.Item>
        {org.validTo && (
          <Descriptions.Item label={t('organizations.validTo')}>{formatDate(org.validTo)}</Descriptions.Item>
        )}
        {successor && (
          <Descriptions.Item label={t('organizations.successor')}>
            <Link to={`/organizations/${successor.id}`}>{name(successor)}</Link>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('organizations.lineage')}</h2>}>
        <List
          data-testid="predecessors"
          locale={{ emptyText: t('organizations.noPredecessors') }}
          dataSource={predecessors}
          renderItem={(p) => (
            <List.Item>
              <Link to={`/organizations/${p.id}`}>{p.name}</Link>
              <span>
                {t('organizations.predecessor', {
                  code: p.provinceCode ?? '',
                  date: p.mergedAt ? formatDate(p.mergedAt) : '',
                })}
              </span>
            </List.Item>
          )}
        />
      </Card>
      {me.roles.includes('ADMIN') && org.status === 'ACTIVE' && org.kind === 'PROVINCIAL_UNION' && (
        <Button danger onClick={() => setMerging(true)}>
          {t('merge.open')}
        </Button>
      )}
      {merging && <MergeModal organization={org} onClose={() => setMerging(false)} />}
    </Space>
  );
}

function MergeModal({ organization, onClose }: { organization: Organization; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ intoOrganizationId: string; effectiveDate: Dayjs }>();
  const [error, setError] = useState<string | null>(null);
  // One key for this confirmed form: a repeat after a lost answer completes the same merger.
  const [key] = useState(newIdempotencyKey);
  const unions = useUnions();
  const merge = useMerge(organization.id);
  const name = (o: Organization) => orgName(o.nameVi, o.nameEn, i18n.language);
  const candidates = (unions.data ?? []).filter(
    (u) => u.id !== organization.id && u.status === 'ACTIVE' && u.kind === organization.kind,
  );
  const onMerge = (v: { intoOrganizationId: string; effectiveDate: Dayjs }) =>
    merge.mutate(
      { key, intoOrganizationId: v.intoOrganizationId, effectiveDate: v.effectiveDate.format('YYYY-MM-DD') },
      {
        onSuccess: (r) => {
          message.success(
            t('merge.done', {
              name: name(organization),
              into: name(r.successor),
              plans: r.plans.length,
              users: r.usersMoved,
            }),
          );
          onClose();
        },
        onError: (err) => {
          if (!applyFieldErrors(form, err)) setError(errorMessage(err, t));
        },
      },
    );
  return (
    <Modal
      open
      title={t('merge.title', { name: name(organization) })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('merge.confirm')}
      okButtonProps={{ danger: true }}
      confirmLoading={merge.isPending}
    >
      <Typography.Paragraph>{t('merge.explain')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={onMerge}>
        <Form.Item
          name="intoOrganizationId"
          label={t('merge.into')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={unions.isPending}
            options={candidates.map((u) => ({ value: u.id, label: name(u) }))}
          />
        </Form.Item>
        <Form.Item
          name="effectiveDate"
          label={t('merge.effectiveDate')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
