import type { CollectionConfig, Condition, Endpoint } from 'payload'

import { hasRole } from '../access/hasRole.ts'
import { userHasRole } from '../access/roles.ts'
import { label } from '../fields/label.ts'
import { behind, type TargetConfig, readState } from '../../publisher/targets/sync.ts'
import { publicKeyPem } from '../../publisher/targets/signing.ts'

/** A path on a machine: absolute, so it never depends on the directory the CMS was started in. */
const absolutePath = (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
  (siblingData.kind !== 'ssh' && siblingData.kind !== 'folder') || (typeof value === 'string' && value.startsWith('/')) || '请填写以 / 开头的绝对路径。'

/** Required for the kinds named. */
const requiredFor =
  (...kinds: string[]) =>
  (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
    !kinds.includes(String(siblingData.kind)) || (value !== undefined && value !== null && value !== '') || '此类型的发布目标必须填写此项。'

const kindIs =
  (...kinds: string[]): Condition =>
  (data) =>
    kinds.includes((data as { kind?: string }).kind ?? '')

/** GET /api/publish-targets/status: each target's live release, lag, last push and tampering, for staff. */
const statusEndpoint: Endpoint = {
  path: '/status',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return Response.json({ errors: [{ message: '请先登录。' }] }, { status: 401 })
    const { docs } = await req.payload.find({ collection: 'publish-targets' as never, limit: 100, overrideAccess: true, depth: 0, req })
    const targets = await Promise.all(
      (docs as unknown as TargetConfig[]).map(async (t) => {
        const state = await readState(t.id)
        return { id: t.id, name: t.name, kind: t.kind, enabled: Boolean(t.enabled), live: state.live, behind: await behind(state.live), lastPushAt: state.lastPushAt, lastError: state.lastError, lastBytes: state.lastBytes, lastPushMs: state.lastPushMs, tamper: state.tamper }
      }),
    )
    // Read from the targets' state files, not the database: never kept by the REST micro-cache.
    return Response.json({ targets, ...(userHasRole(req.user, 'admin') ? { publicKey: publicKeyPem() } : {}) }, { headers: { 'Cache-Control': 'no-store' } })
  },
}

/** 发布目标: the public web servers, buckets and ferry folders every release is pushed to. Admins only. */
export const PublishTargets: CollectionConfig = {
  slug: 'publish-targets',
  labels: { singular: label('发布目标', 'Publish target'), plural: label('发布目标', 'Publish targets') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'enabled'],
    group: label('系统', 'System'),
    description: label(
      '每次发布后，网站会签名后推送到这里启用的每个目标。SSH 目标与接收端需要安装发布公钥（仪表盘“发布目标”中可复制）。',
      'Every release is signed and pushed to each enabled target.',
    ),
  },
  access: { read: hasRole(), create: hasRole(), update: hasRole(), delete: hasRole() },
  endpoints: [statusEndpoint],
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, label: label('名称', 'Name') },
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          required: true,
          label: label('类型', 'Kind'),
          options: [
            { label: 'SSH 网站服务器', value: 'ssh' },
            { label: '对象存储（S3 兼容：OSS、COS、OBS）', value: 's3' },
            { label: '摆渡目录（网闸）', value: 'folder' },
          ],
        },
        { name: 'enabled', type: 'checkbox', defaultValue: true, label: label('启用', 'Enabled') },
      ],
    },
    { name: 'host', type: 'text', validate: requiredFor('ssh'), label: label('主机', 'Host'), admin: { condition: kindIs('ssh') } },
    { name: 'port', type: 'number', min: 1, max: 65535, defaultValue: 22, label: label('端口', 'Port'), admin: { condition: kindIs('ssh') } },
    { name: 'user', type: 'text', validate: requiredFor('ssh'), label: label('用户名', 'User'), admin: { condition: kindIs('ssh') } },
    {
      name: 'path',
      type: 'text',
      validate: absolutePath,
      label: label('目录', 'Path'),
      admin: { condition: kindIs('ssh', 'folder'), description: label('SSH：服务器上的网站根目录（其下 current 由网站服务器提供）；摆渡目录：发布包写入的目录。', 'SSH: the web root on the server; folder: where bundles are written.') },
    },
    { name: 'keyFile', type: 'text', validate: requiredFor('ssh'), label: label('私钥文件（本机路径）', 'Private key file'), admin: { condition: kindIs('ssh') } },
    {
      name: 'hostKey',
      type: 'textarea',
      validate: requiredFor('ssh'),
      label: label('服务器主机公钥（known_hosts 行）', 'Host key (known_hosts line)'),
      admin: { condition: kindIs('ssh'), description: label('例如 ssh-keyscan 的输出中的一行。只信任这一把主机公钥，不接受密码登录。', 'Pinned; password login is never used.') },
    },
    { name: 'endpoint', type: 'text', validate: requiredFor('s3'), label: label('服务地址（endpoint）', 'Endpoint'), admin: { condition: kindIs('s3'), description: label('例如 https://s3.oss-cn-beijing.aliyuncs.com 或 https://cos.ap-beijing.myqcloud.com', 'e.g. https://s3.oss-cn-beijing.aliyuncs.com') } },
    {
      type: 'row',
      admin: { condition: kindIs('s3') },
      fields: [
        { name: 'region', type: 'text', label: label('地域（region）', 'Region') },
        { name: 'bucket', type: 'text', label: label('存储桶', 'Bucket') },
        { name: 'prefix', type: 'text', label: label('路径前缀', 'Prefix') },
      ],
    },
    { name: 'forcePathStyle', type: 'checkbox', label: label('路径风格访问（path-style）', 'Path-style addressing'), admin: { condition: kindIs('s3'), description: label('腾讯云 COS 2024 年后新建的存储桶不支持，请勿勾选。', 'Not supported by newer COS buckets.') } },
    {
      type: 'row',
      admin: { condition: kindIs('s3') },
      fields: [
        { name: 'accessKeyEnv', type: 'text', label: label('访问密钥 ID 的环境变量名', 'Access key env var') },
        { name: 'secretKeyEnv', type: 'text', label: label('访问密钥的环境变量名', 'Secret key env var') },
      ],
    },
    {
      name: 'purgeCommand',
      type: 'text',
      label: label('CDN 刷新命令（可选）', 'CDN purge command (optional)'),
      admin: { condition: kindIs('s3'), description: label('每次上线后执行，标准输入为变更的网址（每行一个）。不填则不刷新。', 'Run after each switch with the changed URLs on stdin.') },
    },
  ],
}
