// `npm start`: prepares a fresh clone and runs the CMS (admin + REST API) on http://localhost:$PORT.
// Steps: create .data/, build the Next.js admin when its sources changed, migrate and seed an empty
// database, then serve. Each step says what it does and how long it took.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'

import { cmsOrigin, isPublicDeployment, listenHost, siteOrigin } from '../cms/lib/deployment.ts'
import { dataDir, rootDir } from '../cms/lib/paths.ts'
import { distLink } from '../publisher/release.ts'
import { publisherEnv } from '../publisher/process-env.ts'
import { adminBuildStale, buildAdmin, cmsServerArgs } from './lib/admin-build.ts'
import { createSiteServer } from './site-server.ts'

// Local trial or served site, decided here from the operator's settings (never inherited from a parent).
delete process.env.WENMING_DEPLOYMENT
const deployment = isPublicDeployment() ? 'public' : 'local'
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ASTRO_TELEMETRY_DISABLED: '1', WENMING_DEPLOYMENT: deployment }
// The CMS server runs the jobs queue: publish-to-live rebuilds and scheduled publishing.
const cmsEnv = { ...env, WENMING_JOBS: '1' }
const port = process.env.PORT ?? '3000'
const sitePort = Number(process.env.SITE_PORT ?? 4321)
// Loopback unless HOST says otherwise: a local trial is not reachable from the network.
const host = listenHost()

const step = (title: string) => {
  const t0 = performance.now()
  console.log(`▶ ${title}`)
  return () => console.log(`  完成（${((performance.now() - t0) / 1000).toFixed(1)} 秒）`)
}

const run = (what: string, args: string[]) => {
  const result = spawnSync(process.execPath, args, { cwd: rootDir, env, stdio: 'inherit' })
  if (result.status !== 0) {
    console.error(`✖ ${what}失败（退出码 ${String(result.status)}），请查看上面的输出。`)
    process.exit(result.status ?? 1)
  }
}

mkdirSync(dataDir, { recursive: true })

if (adminBuildStale()) {
  const done = step('构建内容管理后台（首次运行约需 1～2 分钟）')
  const status = buildAdmin(env)
  if (status !== 0) {
    console.error(`✖ 构建内容管理后台失败（退出码 ${String(status)}），请查看上面的输出。`)
    process.exit(status)
  }
  done()
}

{
  const done = step('更新数据库结构并导入种子数据（数据库为空时）')
  run('导入种子数据', [path.join(rootDir, 'scripts', 'seed.ts'), '--if-empty'])
  done()
}

{
  const done = step('生成公众网站（Astro + Pagefind）')
  const result = spawnSync(process.execPath, [path.join(rootDir, 'scripts', 'build-site.ts')], { cwd: rootDir, env: publisherEnv(env), stdio: 'inherit' })
  if (result.status === 0) done()
  else if (existsSync(distLink())) console.warn('⚠ 网站生成失败，继续提供上一个成功生成的版本。')
  else console.warn('⚠ 网站生成失败，且没有可用的旧版本；修复后运行 npm run build:site。')
}

const site = createSiteServer(distLink())
site.on('error', (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `✖ 端口 ${String(sitePort)} 已被占用：请关闭占用它的程序，或用 SITE_PORT=其他端口 npm start。`
      : `✖ 公众网站无法启动：${error.message}`,
  )
  process.exit(1)
})

// The CMS starts once the site is listening, so a port clash never leaves a stray server behind.
site.listen(sitePort, host, () => {
  console.log(`▶ 公众网站：${siteOrigin()}/ （监听 ${host}:${String(sitePort)}）`)
  console.log(`▶ 启动内容管理后台：${cmsOrigin()}/admin （监听 ${host}:${port}）`)
  console.log(
    deployment === 'public'
      ? '▶ 对外服务模式：演示账号和演示密码不可用。'
      : '▶ 本机试用模式：只有本机可以访问；对外提供服务请参阅 README“从本机试用到对外服务”。',
  )
  const cms = spawn(process.execPath, cmsServerArgs(port, host), { cwd: rootDir, env: cmsEnv, stdio: 'inherit' })
  const stop = (signal: NodeJS.Signals) => {
    cms.kill(signal)
    site.close()
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
  cms.on('exit', (code) => {
    site.close()
    process.exit(code ?? 0)
  })
})
