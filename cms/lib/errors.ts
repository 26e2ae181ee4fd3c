import { APIError, ValidationError } from 'payload'

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
