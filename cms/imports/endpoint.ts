import { addDataAndFileToRequest, type Endpoint, ValidationError } from 'payload'

import { ImportError, MAX_IMPORT_BYTES, TOO_LARGE } from './errors.ts'
import { importDocument } from './service.ts'

const refuse = (message: string, status: number) => Response.json({ errors: [{ message }] }, { status })

/**
 * POST /api/imports (multipart: `file` or `text`, optional `kind`): a signed-in editor's Word/WPS file (.docx, .doc, .wps, .rtf, .odt)
 * or pasted text becomes a draft. 201 with `{ collection, id, recognised, unrecognised }`; 4xx with a
 * Chinese `errors[0].message`, having created nothing.
 */
export const importEndpoint: Endpoint = {
  path: '/imports',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return refuse('请先登录后再导入文档。', 401)
    // Refused before reading the body: a huge upload is never buffered.
    if (Number(req.headers.get('content-length') ?? 0) > MAX_IMPORT_BYTES + 64 * 1024) return refuse(TOO_LARGE, 413)
    try {
      await addDataAndFileToRequest(req)
    } catch {
      return refuse('无法读取上传的内容：请以表单方式上传 Word/WPS 文件（字段 file）或文字（字段 text）。', 400)
    }
    const data = (req.data ?? {}) as { text?: unknown; kind?: unknown }
    const file = req.file
    try {
      const result = await importDocument(req, {
        file: file ? { data: file.data, name: file.name } : undefined,
        text: typeof data.text === 'string' ? data.text : undefined,
        kind: typeof data.kind === 'string' && data.kind ? data.kind : undefined,
      })
      return Response.json(result, { status: 201 })
    } catch (error) {
      if (error instanceof ImportError) return refuse(error.message, error.status)
      if (error instanceof ValidationError) return refuse(`导入未完成：${error.data.errors.map((e) => e.message).join('；')}`, 400)
      const status = (error as { status?: number }).status
      if (status && status < 500) return refuse(`导入未完成：${(error as Error).message}`, status)
      req.payload.logger.error({ err: error, msg: '导入文档失败' })
      return refuse('导入失败（服务器错误），没有创建任何内容。请稍后重试，或联系管理员。', 500)
    }
  },
}
