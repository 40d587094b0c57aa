import { useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { ProLayout } from '@ant-design/pro-components';
import { Dropdown, Select, Space, Tag, Typography } from 'antd';
import { KeyOutlined, LogoutOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useAuth } from './auth';
import type { PageDef } from './registry';
import { SCOPES } from './labels';
import { ChangePasswordModal } from './ChangePassword';

interface MenuNode {
  path: string;
  name: string;
  icon?: React.ReactNode;
  routes?: MenuNode[];
}

/** The menu holds only the pages whose permission the caller has; groups with none vanish. */
export function menuFor(pages: PageDef[], can: (p: string) => boolean): MenuNode[] {
  const top: MenuNode[] = [];
  const groups = new Map<string, MenuNode>();
  for (const p of pages) {
    if (p.hideInMenu || !can(p.permission)) continue;
    const node: MenuNode = { path: p.path, name: p.title, icon: p.icon };
    if (!p.group) {
      top.push(node);
      continue;
    }
    let g = groups.get(p.group);
    if (!g) {
      g = { path: `/group/${groups.size}`, name: p.group, routes: [] };
      groups.set(p.group, g);
      top.push(g);
    }
    g.routes!.push(node);
  }
  return top;
}

/** Users with several grants act in one organisation at a time, or in all of them. */
function OrgSwitcher() {
  const { me, switchOrg } = useAuth();
  const [busy, setBusy] = useState(false);
  if (!me || me.grants.length < 2) return null;
  const orgs = [...new Map(me.grants.map((g) => [g.orgId, g])).values()];
  return (
    <Select
      data-testid="org-switcher"
      size="small"
      style={{ minWidth: 220 }}
      loading={busy}
      value={me.currentOrgId ?? 0}
      onChange={async (v: number) => {
        setBusy(true);
        try {
          await switchOrg(v === 0 ? null : v);
        } finally {
          setBusy(false);
        }
      }}
      options={[
        { value: 0, label: '全部授权机构' },
        ...orgs.map((g) => ({
          value: g.orgId,
          label: `${g.orgName}（${me.grants.filter((x) => x.orgId === g.orgId).map((x) => `${x.roleName}·${SCOPES[x.scope]}`).join('，')}）`,
        })),
      ]}
    />
  );
}

export function AppLayout({ pages }: { pages: PageDef[] }) {
  const { me, can, logout } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const [pwOpen, setPwOpen] = useState(false);
  const routes = useMemo(() => menuFor(pages, can), [pages, can]);
  if (!me) return null;
  return (
    <ProLayout
      title="法治 Fazhi"
      logo={<SafetyCertificateOutlined style={{ fontSize: 24, color: '#c41d1d' }} />}
      layout="mix"
      fixSiderbar
      route={{ path: '/', routes }}
      menu={{ defaultOpenAll: true, ignoreFlatMenu: true }}
      location={{ pathname: location.pathname }}
      menuItemRender={(item, dom) => (item.path ? <Link to={item.path}>{dom}</Link> : dom)}
      actionsRender={() => [<OrgSwitcher key="org" />]}
      avatarProps={{
        title: <span data-testid="current-user">{me.user.displayName}</span>,
        size: 'small',
        render: (_props, dom) => (
          <Dropdown
            menu={{
              items: [
                { key: 'who', disabled: true, label: <Typography.Text type="secondary">{me.user.orgName}{me.user.title ? ` · ${me.user.title}` : ''}</Typography.Text> },
                { type: 'divider' },
                { key: 'password', icon: <KeyOutlined />, label: '修改口令', onClick: () => setPwOpen(true) },
                {
                  key: 'logout',
                  icon: <LogoutOutlined />,
                  label: '退出登录',
                  onClick: async () => {
                    await logout();
                    navigate('/login');
                  },
                },
              ],
            }}
          >
            <Space data-testid="user-menu">{dom}</Space>
          </Dropdown>
        ),
      }}
      footerRender={() => (
        <div style={{ textAlign: 'center', padding: 12, color: '#999' }}>
          法治 Fazhi · <Tag bordered={false}>{me.user.regionCode}</Tag>
        </div>
      )}
    >
      <Outlet />
      <ChangePasswordModal open={pwOpen || me.user.mustChangePassword} forced={me.user.mustChangePassword} onClose={() => setPwOpen(false)} />
    </ProLayout>
  );
}
