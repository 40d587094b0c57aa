import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Popconfirm, Table, Tag, Typography, message } from 'antd';
import { post, problemText } from '../../../core/api';
import { useAuth } from '../../../core/auth';
import { POSITIONS, type Consultation, type DocumentDetail } from '../api';

const fmt = (t: string | null) => (t ? new Date(t).toLocaleDateString('zh-CN') : '');

/** 部门意见: each consulted department's reply; a disagreement can go to the legal-affairs office. */
export function ConsultationsCard({ doc }: { doc: DocumentDetail }) {
  const { can } = useAuth();
  const qc = useQueryClient();
  if (!doc.consultations.length && !doc.consulted_org_ids?.length) return null;
  const escalate = async (c: Consultation) => {
    try {
      await post(`/api/normative/consultations/${c.id}/escalate`);
      message.success(`已将与${c.org_name}的分歧提请法制机构协调`);
      await qc.invalidateQueries({ queryKey: ['normative'] });
    } catch (err) {
      message.error(problemText(err));
    }
  };
  return (
    <Card title="部门意见" style={{ marginTop: 16 }}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={doc.consultations}
        locale={{ emptyText: '公开征求意见时向所选部门发出征求意见函' }}
        columns={[
          { title: '部门', dataIndex: 'org_name', width: 170 },
          { title: '回复期限', dataIndex: 'due_date', width: 110, render: (v, r) => v ?? r.requested_on },
          {
            title: '意见',
            dataIndex: 'position',
            render: (v, r) =>
              v ? (
                <>
                  <Tag color={v === 'agree' ? 'green' : 'red'}>{POSITIONS[v]}</Tag>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{r.reply}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 4 }}>{fmt(r.replied_at)}</Typography.Text>
                </>
              ) : (
                <Tag color="orange">待回复</Tag>
              ),
          },
          {
            title: '协调',
            width: 240,
            render: (_, r) => {
              if (r.resolved_at) return <><Tag color="green">已协调</Tag>{r.resolution}</>;
              if (r.escalated_at) return <Tag color="blue" data-testid={`consultation-escalated-${r.id}`}>已提请协调（{fmt(r.escalated_at)}）</Tag>;
              if (r.position === 'disagree' && can('normative.draft'))
                return (
                  <Popconfirm title="经协商仍不能达成一致，提请政府法制机构协调？" onConfirm={() => escalate(r)} okText="提请" cancelText="取消">
                    <Button size="small" data-testid={`consultation-escalate-${r.id}`}>提请法制机构协调</Button>
                  </Popconfirm>
                );
              return null;
            },
          },
        ]}
      />
    </Card>
  );
}
