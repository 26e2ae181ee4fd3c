/**
 * The admin's logo (sign-in page): the site's emblem, its name and its sponsor from 站点设置, in place of
 * Payload's. A fresh database without settings shows the product's own name.
 */
import type { Payload } from 'payload'

import { siteBranding } from '../branding/siteName.ts'
import { siteIcon } from '../branding/titles.ts'

export async function AdminLogo({ payload }: { payload: Payload }) {
  const { siteName, sponsor } = await siteBranding(payload)
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: '0.75rem' }}>
      <img src={siteIcon()[0]!.url} alt="" width={48} height={48} />
      <div>
        <div style={{ fontSize: '1.5rem', fontWeight: 700, lineHeight: 1.3 }}>{siteName ?? '文明创建'}</div>
        <div style={{ color: 'var(--theme-elevation-650)' }}>{sponsor ? `${sponsor} · 内容管理` : '内容管理系统'}</div>
      </div>
    </div>
  )
}
