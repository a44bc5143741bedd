import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useNotifications } from './notificationsApi';

export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data } = useNotifications();
  const unread = data?.unread ?? 0;
  return (
    <Badge count={unread} size="small" offset={[-4, 4]}>
      <Button
        shape="circle"
        icon={<BellOutlined aria-hidden />}
        aria-label={t('notifications.bell', { count: unread })}
        onClick={() => navigate('/notifications')}
      />
    </Badge>
  );
}
