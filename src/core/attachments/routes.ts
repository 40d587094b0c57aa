import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { withErrors } from '../http/schemas.ts';
import { badInput } from '../http/errors.ts';
import { listAttachments, readAttachment, uploadAttachment } from './service.ts';

const Attachment = Type.Object({ id: Type.String(), filename: Type.String(), mime: Type.String(), size_bytes: Type.Integer(), sm3: Type.String() }, { additionalProperties: true });

export const attachmentRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const s = app.services;
  app.post(
    '/attachments',
    { config: { permission: 'attachment.upload' }, schema: { tags: ['attachments'], summary: '上传附件（multipart：ownerType、ownerId 字段在 file 之前；按内容识别类型，记录 SM3 摘要）', consumes: ['multipart/form-data'], response: withErrors({ 200: Attachment }) } },
    async (req) => {
      if (!req.isMultipart()) throw badInput('not_multipart', 'file', { zh: '请以 multipart/form-data 上传文件', en: 'Upload as multipart/form-data' });
      const part = await req.file();
      if (!part) throw badInput('file_required', 'file', { zh: '缺少文件', en: 'No file' });
      const data = await part.toBuffer();
      const field = (name: string) => {
        const f = part.fields[name] as { value?: unknown } | undefined;
        return typeof f?.value === 'string' ? f.value : undefined;
      };
      const ownerType = field('ownerType');
      const ownerId = field('ownerId');
      if (!ownerType) throw badInput('owner_required', 'ownerType', { zh: '缺少 ownerType（须在文件之前提交）', en: 'ownerType is required (before the file part)' });
      if (!ownerId) throw badInput('owner_required', 'ownerId', { zh: '缺少 ownerId（须在文件之前提交）', en: 'ownerId is required (before the file part)' });
      return uploadAttachment(s, req.actor!, { ownerType, ownerId, filename: part.filename || 'file', data });
    },
  );
  app.get('/attachments', { config: { permission: 'attachment.read' }, schema: { tags: ['attachments'], summary: '某记录的附件列表', querystring: Type.Object({ ownerType: Type.String({ maxLength: 50 }), ownerId: Type.String({ maxLength: 50 }) }, { additionalProperties: false }), response: withErrors({ 200: Type.Array(Attachment) }) } }, async (req) => listAttachments(s, req.actor!, req.query.ownerType, req.query.ownerId));
  app.get('/attachments/:id', { config: { permission: 'attachment.read', resource: 'attachment' }, schema: { tags: ['attachments'], summary: '下载附件（数据范围内）', params: Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false }) } }, async (req, reply) => {
    const { row, data } = await readAttachment(s, req.actor!, req.params.id);
    reply.header('content-type', row.mime);
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.filename)}`);
    reply.header('x-content-sm3', row.sm3);
    return reply.send(data);
  });
};
