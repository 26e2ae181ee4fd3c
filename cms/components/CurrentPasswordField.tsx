'use client'
import { PasswordField, useAuth, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import type { TextFieldClientComponent } from 'payload'

/**
 * 当前密码: shown on one's own account while a new password is being typed, so changing it needs the
 * current one (the server checks it; see cms/auth/hooks.ts).
 */
export const CurrentPasswordField: TextFieldClientComponent = ({ field, path }) => {
  const { user } = useAuth()
  const { id } = useDocumentInfo()
  const newPassword = useFormFields(([fields]) => fields.password?.value)
  if (!user || String(user.id) !== String(id) || !newPassword) return null
  return <PasswordField autoComplete="current-password" field={{ ...field, required: true }} path={path ?? field.name} />
}
