import { ValidationError } from 'payload'

/**
 * A validation error whose message is the Chinese sentence itself (Payload's default message is the
 * generic "The following field is invalid"), so REST clients and the admin's toast both read it.
 */
export const fieldError = (collection: string, path: string, message: string, req?: unknown): ValidationError => {
  const error = new ValidationError({ collection, errors: [{ path, message }], req: req as never })
  error.message = message
  return error
}
