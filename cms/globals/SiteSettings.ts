import type { GlobalConfig } from 'payload'

import { hasRole } from '../access/hasRole.ts'
import { label } from '../fields/label.ts'
import { rebuildOnGlobalChange } from '../hooks/publishToLive.ts'

/**
 * 站点设置: the portal's identity, printed in every page's footer as 《政府网站发展指引》(国办发〔2017〕47号)
 * asks (主办单位, contact, 网站标识码, ICP备案号, 公安机关备案号, 党政机关网站标识), and the thresholds of
 * 栏目监测. Nothing of one district is written into the templates; a change republishes every page.
 */
export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: label('站点设置', 'Site settings'),
  admin: { group: label('系统', 'System') },
  access: { read: () => true, update: hasRole() },
  hooks: { afterChange: [rebuildOnGlobalChange] },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'siteName', type: 'text', required: true, label: label('网站名称', 'Site name') },
        { name: 'tagline', type: 'text', label: label('副标题', 'Tagline') },
      ],
    },
    { name: 'description', type: 'textarea', label: label('网站简介（搜索引擎摘要）', 'Description') },
    {
      type: 'row',
      fields: [
        { name: 'sponsor', type: 'text', required: true, label: label('主办单位', 'Sponsor') },
        { name: 'organizer', type: 'text', label: label('承办单位', 'Organizer') },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'phone', type: 'text', label: label('联系电话', 'Phone') },
        { name: 'email', type: 'text', label: label('电子邮箱', 'E-mail') },
        { name: 'address', type: 'text', label: label('地址', 'Address') },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'siteCode', type: 'text', label: label('网站标识码', 'Site code') },
        { name: 'icp', type: 'text', label: label('ICP备案号', 'ICP licence'), admin: { description: '如：京ICP备XXXXXXXX号' } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'psb', type: 'text', label: label('公安机关备案号', 'Public security filing'), admin: { description: '如：京公网安备 11010902000000号' } },
        { name: 'psbUrl', type: 'text', label: label('公安备案链接', 'Filing link') },
        { name: 'conacUrl', type: 'text', label: label('党政机关网站标识链接', '党政机关 mark link'), admin: { description: '开办单位取得的党政机关网站标识（conac.cn）核验地址' } },
      ],
    },
    {
      type: 'collapsible',
      label: label('栏目监测（《政府网站与政务新媒体检查指标》）', 'Column health'),
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'dynamicDays', type: 'number', min: 1, defaultValue: 14, label: label('动态、要闻类栏目最长不更新天数', 'News columns: days') },
            { name: 'policyDays', type: 'number', min: 1, defaultValue: 180, label: label('政策文件、通知公告类栏目最长不更新天数', 'Policy columns: days') },
          ],
        },
      ],
    },
  ],
}
