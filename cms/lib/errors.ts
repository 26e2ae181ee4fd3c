import { type AfterErrorHook, APIError, ValidationError } from 'payload'

/**
 * A validation error whose message is the Chinese sentence itself (Payload's default message is the
 * generic "The following field is invalid"), so REST clients and the admin's toast both read it.
 */
export const fieldError = (collection: string, path: string, message: string, req?: unknown): ValidationError => {
  const error = new ValidationError({ collection, errors: [{ path, message }], req: req as never })
  error.message = message
  return error
}

/**
 * An error whose Chinese message REST clients receive as it is, with its status. (The admin's production
 * bundle minifies class names, and Payload only shows the message of an error that has a name.)
 */
export const publicError = (message: string, status: number): APIError => {
  const error = new APIError(message, status, null, true)
  error.name = 'APIError'
  return error
}

/**
 * Keeps the field details of validation errors in REST answers. In the admin's production bundle Payload
 * is loaded twice (one copy per Next layer) and class names are minified, so its `instanceof
 * ValidationError` check fails for errors thrown by this project's hooks and their `data` (which field,
 * which message) was dropped: the admin could not mark the field. Recognised by shape instead.
 */
export const keepValidationDetails: AfterErrorHook = ({ error }) => {
  const malformed = malformedBody(error)
  if (malformed) return { response: { errors: [{ name: 'APIError', message: malformed }] }, status: 400 }
  const data = (error as { data?: { errors?: unknown } }).data
  const status = (error as { status?: number }).status
  if (!data || !Array.isArray(data.errors) || status !== 400) return undefined
  return { response: { errors: [{ name: 'ValidationError', data, message: error.message }] }, status }
}

/**
 * A request body that is not JSON (Payload answers its JSON bodies 400 "Invalid JSON" in English, and a
 * multipart upload's malformed `_payload` field 500) or not a JSON object, as a Chinese 400.
 */
const malformedBody = (error: Error): string | null => {
  if (error.name === 'SyntaxError' || error.message === 'Invalid JSON') return '请求内容不是有效的 JSON，请检查后重新提交。'
  return null
}
