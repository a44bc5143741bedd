import { Table, Tag, Typography, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Organization } from '../api/types';
import { formatDate } from '../common/dates';
import { orgName } from '../common/names';
import { ErrorState, Loading } from '../common/states';
import { usePageTitle } from '../common/usePageTitle';
import { useUnions } from './mergersApi';

/** The provincial unions, merged ones with their successor: where an administrator starts a merger. */
export default function OrganizationsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('organizations.title'));
  const unions = useUnions();
  if (unions.isPending) return <Loading />;
  if (unions.isError) return <ErrorState error={unions.error} onRetry={() => unions.refetch()} />;
  const byId = new Map(unions.data.map((u) => [u.id, u]));
  const name = (u: Organization) => orgName(u.nameVi, u.nameEn, i18n.language);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('organizations.title')}
      </Typography.Title>
      <Table<Organization>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={unions.data}
        columns={[
          {
            title: t('organizations.name'),
            render: (_, u) => <Link to={`/organizations/${u.id}`}>{name(u)}</Link>,
          },
          { title: t('organizations.province'), dataIndex: 'provinceCode' },
          { title: t('organizations.cluster'), dataIndex: 'cluster' },
          {
            title: t('organizations.status'),
            render: (_, u) =>
              u.status === 'MERGED' ? (
                <Tag>
                  {t('organizations.mergedInto', {
                    name: u.mergedIntoId && byId.get(u.mergedIntoId) ? name(byId.get(u.mergedIntoId)!) : '',
                    date: u.validTo ? formatDate(u.validTo) : '',
                  })}
                </Tag>
              ) : (
                <Tag>{t('organizations.active')}</Tag>
              ),
          },
        ]}
      />
    </Space>
  );
}
