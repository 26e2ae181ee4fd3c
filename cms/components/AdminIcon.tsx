/** The admin's icon (the navigation's home link): the site's emblem, named by the site's name from 站点设置. */
import type { Payload } from 'payload'

import { siteBranding } from '../branding/siteName.ts'
import { siteIcon } from '../branding/titles.ts'

export async function AdminIcon({ payload }: { payload: Payload }) {
  const { siteName } = await siteBranding(payload)
  return <img src={siteIcon()[0]!.url} alt={`${siteName ?? '文明创建'}内容管理`} width={24} height={24} style={{ display: 'block' }} />
}
