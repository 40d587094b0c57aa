import { useState, type ReactNode } from 'react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Table, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { post } from './api';
import { ErrorAlert } from './components';

/** The answer of an Excel import: rows written, and every refused cell by Excel row number. */
export interface ImportResult {
  imported: number;
  errors: { row: number; field: string; message: string; message_en: string }[];
}

/**
 * An Excel (.xlsx) import: the template to download (`urls.template`), the workbook
 * uploaded as the multipart field `file` to `urls.upload`, then how many rows were
 * imported and a table of the refused ones so they can be corrected and uploaded again.
 * With `intro` it is a page of its own (the buttons and the result in cards, the file
 * name in the result's title); without, it sits inside another card.
 */
export function ExcelImport({
  urls,
  labels,
  invalidate,
  testIds,
  intro,
}: {
  urls: { upload: string; template: string };
  /** The buttons' texts, and what the imported rows are counted in (件, 项). */
  labels: { template: string; upload: string; unit: string };
  /** The queries an import makes stale. */
  invalidate: QueryKey;
  testIds: { template: string; upload: string; count: string; errors: string };
  intro?: ReactNode;
}) {
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<string>();
  const [result, setResult] = useState<ImportResult>();
  const [error, setError] = useState<unknown>();
  const page = intro !== undefined;
  const send = async (f: File) => {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    setFile(f.name);
    try {
      const form = new FormData();
      form.append('file', f, f.name);
      setResult(await post<ImportResult>(urls.upload, form));
      await qc.invalidateQueries({ queryKey: invalidate });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const buttons = (
    <Space wrap>
      <Button icon={<DownloadOutlined />} href={urls.template} data-testid={testIds.template}>
        {labels.template}
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
        <Button type={page ? 'primary' : 'default'} icon={<UploadOutlined />} loading={busy} data-testid={testIds.upload}>
          {labels.upload}
        </Button>
      </Upload>
    </Space>
  );
  const outcome = (error || result) && (
    <>
      <ErrorAlert error={error} />
      {result && (
        <>
          <Alert
            type={result.errors.length ? (result.imported ? 'warning' : 'error') : 'success'}
            showIcon
            style={{ marginBottom: page ? 16 : 8 }}
            message={<span data-testid={testIds.count}>已导入 {result.imported} {labels.unit}{result.errors.length ? `，${result.errors.length} 处错误未导入，请修改后重新上传这些行` : ''}</span>}
          />
          {result.errors.length > 0 && (
            <Table
              data-testid={testIds.errors}
              rowKey={(r) => `${r.row}-${r.field}-${r.message}`}
              size="small"
              dataSource={result.errors}
              pagination={{ pageSize: page ? 50 : 20, hideOnSinglePage: true }}
              columns={[
                { title: '行号', dataIndex: 'row', width: 80 },
                { title: '列', dataIndex: 'field', width: 140 },
                { title: '问题', dataIndex: 'message' },
              ]}
            />
          )}
        </>
      )}
    </>
  );
  if (!page) return <>{buttons}{outcome && <div style={{ marginTop: 12 }}>{outcome}</div>}</>;
  return (
    <>
      <Card>
        {intro}
        {buttons}
      </Card>
      {outcome && (
        <Card title={file ? `导入结果：${file}` : '导入结果'} style={{ marginTop: 16 }}>
          {outcome}
        </Card>
      )}
    </>
  );
}
