import { Select, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Cycle, Page } from '../api/types';

/**
 * The heading of a page about one planning cycle: its title, the cycle picker (which opens the
 * same page for the chosen cycle, `pathOf`) and the page's links.
 */
export function CyclePageHeader({
  title,
  cycles,
  cycleId,
  pathOf,
  children,
}: {
  title: string;
  cycles: Page<Cycle>;
  cycleId: string;
  pathOf: (cycleId: string) => string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {title}
      </Typography.Title>
      <Select
        aria-label={t('dashboard.cycle')}
        value={cycleId}
        style={{ minWidth: 260 }}
        onChange={(id) => navigate(pathOf(id))}
        options={cycles.items.map((c) => ({ value: c.id, label: c.title || String(c.year) }))}
      />
      {children}
    </Space>
  );
}
