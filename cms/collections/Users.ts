import type { CollectionConfig } from 'payload'

import { adminOrSelf } from '../access/adminOrSelf.ts'
import { checkNewPassword, guardLogin, uniformLoginErrors } from '../auth/hooks.ts'
import { cmsOrigin } from '../lib/deployment.ts'
import { fieldHasRole, hasRole } from '../access/hasRole.ts'
import { ROLE_LABELS, ROLES } from '../access/roles.ts'
import { label } from '../fields/label.ts'

/** CMS accounts. `name` is the person's Chinese name, printed in bulletin sign-off lines. */
export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: label('用户', 'User'), plural: label('用户', 'Users') },
  auth: {
    // ASVS 5.0 L1: lock after 5 failures for 10 minutes; only time or an admin lifts it (access.unlock).
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    cookies: { secure: cmsOrigin().startsWith('https:'), sameSite: 'Lax' },
  },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'email', 'roles'], group: label('系统', 'System') },
  access: {
    read: adminOrSelf,
    create: hasRole(),
    update: adminOrSelf,
    delete: hasRole(),
    admin: ({ req: { user } }) => Boolean(user),
    // Payload lets any signed-in user unlock any account (GHSA-jg8r-5jh2-v2xj): admins only.
    unlock: hasRole(),
  },
  hooks: {
    beforeOperation: [guardLogin],
    beforeValidate: [checkNewPassword],
    afterError: [uniformLoginErrors],
    beforeChange: [
      // The very first account (created on the admin's welcome screen) must be able to manage the rest.
      async ({ data, operation, req }) => {
        if (operation !== 'create') return data
        const { totalDocs } = await req.payload.count({ collection: 'users', overrideAccess: true, req })
        if (totalDocs === 0) data.roles = ['admin']
        return data
      },
    ],
  },
  fields: [
    {
      // Never stored: checked by checkNewPassword when a user changes their own password.
      name: 'currentPassword',
      type: 'text',
      virtual: true,
      label: label('当前密码', 'Current password'),
      admin: { components: { Field: '/components/CurrentPasswordField#CurrentPasswordField' }, disableListColumn: true, disableListFilter: true },
    },
    {
      // Printed in sign-off lines: only an admin changes a person's name, so nobody signs under another.
      name: 'name',
      type: 'text',
      required: true,
      label: label('姓名', 'Name'),
      access: { update: fieldHasRole() },
    },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['editor'],
      saveToJWT: true,
      label: label('角色', 'Roles'),
      options: ROLES.map((value) => ({ value, label: { zh: ROLE_LABELS[value].zh, en: ROLE_LABELS[value].en } })),
      access: { create: fieldHasRole(), update: fieldHasRole() },
    },
  ],
}
