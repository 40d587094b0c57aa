import type { FastifyReply, FastifyRequest } from 'fastify';
import { badInput } from './errors.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The one file of a multipart/form-data request (field `file`), read into memory. */
export async function uploadedFile(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart()) throw badInput('not_multipart', 'file', { zh: '请以 multipart/form-data 上传文件', en: 'Upload as multipart/form-data' });
  const part = await req.file();
  if (!part) throw badInput('file_required', 'file', { zh: '缺少文件', en: 'No file' });
  return part.toBuffer();
}

/** Sends a generated file as a download; the Chinese name is encoded per RFC 6266/5987. */
export function sendDownload(reply: FastifyReply, mime: string, filename: string, data: Buffer) {
  reply.header('content-type', mime);
  reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`);
  return reply.send(data);
}
