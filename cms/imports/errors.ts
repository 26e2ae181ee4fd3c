/** What an import refuses, and the size it accepts: shared by the reader, the converter and the endpoint. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024
export const TOO_LARGE = '文件超过 20 MB，无法导入。请删去文中过大的图片后重试。'

/** A refusal: the message is shown to the editor as it is. */
export class ImportError extends Error {
  status: number
  constructor(message: string, status = 400) {
    super(message)
    this.status = status
  }
}
