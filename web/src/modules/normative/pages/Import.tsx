import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { ErrorAlert } from '../../../core/components';
import { uploadFile, type ImportResult } from '../api';

/** 登记簿导入: an office's existing register (Excel) migrates without retyping; errors come back per row. */
export function ImportPage() {
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<string>();
  const [result, setResult] = useState<ImportResult>();
  const [error, setError] = useState<unknown>();
  const send = async (f: File) => {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    setFile(f.name);
    try {
      setResult(await uploadFile<ImportResult>('/api/normative/import', f));
      await qc.invalidateQueries({ queryKey: ['normative'] });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <PageContainer title="登记簿导入" subTitle="将原有规范性文件登记簿（Excel）导入平台，有效行一次导入，错误逐行报告">
      <Card>
        <Typography.Paragraph>
          请先下载导入模板，按列填写制定机关、文件名称、登记编号、文件类型、公布日期、施行日期、有效期至、状态等；制定机关须为您数据范围内已公告的制定主体。
        </Typography.Paragraph>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href="/api/normative/import/template.xlsx" data-testid="import-template">
            下载导入模板
          </Button>
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            maxCount={1}
            beforeUpload={(f) => {
              void send(f);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={busy} data-testid="import-upload">
              上传登记簿（.xlsx）
            </Button>
          </Upload>
        </Space>
      </Card>
      {(error || result) && (
        <Card title={file ? `导入结果：${file}` : '导入结果'} style={{ marginTop: 16 }}>
          <ErrorAlert error={error} />
          {result && (
            <>
              <Alert
                type={result.errors.length ? (result.imported ? 'warning' : 'error') : 'success'}
                showIcon
                style={{ marginBottom: 16 }}
                message={<span data-testid="import-count">已导入 {result.imported} 件{result.errors.length ? `，${result.errors.length} 处错误未导入，请修改后重新上传这些行` : ''}</span>}
              />
              {result.errors.length > 0 && (
                <Table
                  data-testid="import-errors"
                  rowKey={(r) => `${r.row}-${r.field}-${r.message}`}
                  size="small"
                  dataSource={result.errors}
                  pagination={{ pageSize: 50, hideOnSinglePage: true }}
                  columns={[
                    { title: '行号', dataIndex: 'row', width: 80 },
                    { title: '列', dataIndex: 'field', width: 140 },
                    { title: '问题', dataIndex: 'message' },
                  ]}
                />
              )}
            </>
          )}
        </Card>
      )}
    </PageContainer>
  );
}
