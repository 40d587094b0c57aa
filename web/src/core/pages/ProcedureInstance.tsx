import { useParams } from 'react-router-dom';
import { PageContainer } from '@ant-design/pro-components';
import { Result } from 'antd';
import { ProcedurePanel } from '../ProcedurePanel';

/** Any module's procedure instance, reachable from 我的待办 and 电子监察. */
export function ProcedureInstancePage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id < 1) return <Result status="404" title="办理事项不存在" />;
  return (
    <PageContainer title="办理事项">
      <ProcedurePanel id={id} />
    </PageContainer>
  );
}
