import { Typography } from 'antd';
import { PageContainer } from '@ant-design/pro-components';
import { ExcelImport } from '../../../core/ExcelImport';

/** 登记簿导入: an office's existing register (Excel) migrates without retyping; errors come back per row. */
export function ImportPage() {
  return (
    <PageContainer title="登记簿导入" subTitle="将原有规范性文件登记簿（Excel）导入平台，有效行一次导入，错误逐行报告">
      <ExcelImport
        urls={{ upload: '/api/normative/import', template: '/api/normative/import/template.xlsx' }}
        labels={{ template: '下载导入模板', upload: '上传登记簿（.xlsx）', unit: '件' }}
        invalidate={['normative']}
        testIds={{ template: 'import-template', upload: 'import-upload', count: 'import-count', errors: 'import-errors' }}
        intro={
          <Typography.Paragraph>
            请先下载导入模板，按列填写制定机关、文件名称、登记编号、文件类型、公布日期、施行日期、有效期至、状态等；制定机关须为您数据范围内已公告的制定主体。
          </Typography.Paragraph>
        }
      />
    </PageContainer>
  );
}
