import { AuthenticationError, LockedAuth } from 'payload'
import type { CollectionAfterErrorHook, CollectionBeforeOperationHook, CollectionBeforeValidateHook } from 'payload'

import { recordAudit } from '../audit/record.ts'
import { isLocalRequest } from '../lib/deployment.ts'
import { fieldError, publicError } from '../lib/errors.ts'
import { DEFAULT_SEED_PASSWORD } from '../seed/password.ts'
import { passwordMatches, spendPasswordCheck } from './passwordHash.ts'
import { passwordProblem } from './passwordPolicy.ts'

/** One answer for every failed login, so it never tells whether an account exists or is locked. */
export const LOGIN_FAILED = '邮箱或密码不正确。连续输错 5 次，账号会被锁定 10 分钟（管理员可提前解锁）。'

export const DEMO_PASSWORD_REFUSED =
  '演示密码只能在本机试用时使用。此网站已对外提供服务（或请求并非来自本机），请使用管理员设置的正式密码登录。'

/**
 * Before a login: the documented demo password only works for requests from this machine on a local
 * trial; and a login for an unknown account spends as long as a real password check, so timing does
 * not reveal which accounts exist.
 */
export const guardLogin: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login') return args
  const data = (args as { data?: { email?: unknown; password?: unknown } }).data ?? {}
  const password = typeof data.password === 'string' ? data.password : ''
  if (password === DEFAULT_SEED_PASSWORD && !isLocalRequest(req.headers)) throw publicError(DEMO_PASSWORD_REFUSED, 401)
  const email = typeof data.email === 'string' ? data.email.toLowerCase().trim() : ''
  // For 操作日志 if the login fails (uniformLoginErrors).
  req.context.loginEmail = email
  if (email && password) {
    const known = await req.payload.db.findOne({ collection: 'users', req, where: { email: { equals: email } } })
    if (!known) await spendPasswordCheck(password)
  }
  return args
}

/** Failed logins all read the same (Payload says "locked" only for accounts that exist). */
export const uniformLoginErrors: CollectionAfterErrorHook = async ({ error, req }) => {
  if (error instanceof AuthenticationError || error instanceof LockedAuth) {
    // Recorded in 操作日志 with the e-mail tried (outside the failed request's transaction).
    const email = String(req.context.loginEmail ?? '').slice(0, 200)
    await recordAudit(req, { action: error instanceof LockedAuth ? 'locked' : 'loginFailed', collection: 'users', docTitle: email || null, userName: `（未登录）${email}` }, true).catch(() => undefined)
    return { response: { errors: [{ message: LOGIN_FAILED }], message: LOGIN_FAILED }, status: 401 }
  }
  return undefined
}

/**
 * Setting a password: the policy (length, not a common password) applies to every new password, and a
 * user changing their own password must give the current one (a stolen session cannot take the account).
 * An admin resetting someone else's password needs no current password.
 */
export const checkNewPassword: CollectionBeforeValidateHook = async ({ context, data, operation, originalDoc, req }) => {
  const password = (data as { password?: unknown } | undefined)?.password
  if (typeof password !== 'string' || !password) return data
  // The README publishes the demo password: only the seed of a local trial may give it to an account.
  if (password === DEFAULT_SEED_PASSWORD && !context.seed) throw fieldError('users', 'password', '这是公开文档中的演示密码，不能设为账号密码，请换一个。')
  const problem = passwordProblem(password, (data?.email as string | undefined) ?? (originalDoc?.email as string | undefined))
  if (problem) throw fieldError('users', 'password', problem)
  const self = operation === 'update' && req.user && originalDoc && String(req.user.id) === String(originalDoc.id)
  if (self) {
    const current = (data as { currentPassword?: unknown }).currentPassword
    const stored = await req.payload.db.findOne<{ id: number | string; hash?: string; salt?: string }>({ collection: 'users', req, where: { id: { equals: originalDoc.id } } })
    if (typeof current !== 'string' || !current || !stored || !(await passwordMatches(stored, current))) {
      // Not a field error: the admin shows this message itself (a field error on this virtual field would
      // only read "请更正无效字段").
      throw publicError('修改自己的密码时，请正确填写当前密码。', 400)
    }
  }
  if (data) delete (data as { currentPassword?: unknown }).currentPassword
  return data
}
