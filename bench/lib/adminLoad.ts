/**
 * The admin at size: the server time of the pages an editor opens most (the dashboard with its panels, and
 * the first page of the news, bulletins and policies lists in their default sort, and a search of the news
 * list), signed in, each requested once to warm and then five times one after another; median and worst
 * of the whole response (Next streams the page, so the last byte is when the server is done).
 */
export interface AdminTiming {
  name: string
  path: string
  median: number
  worst: number
  status: number
}

const VIEWS: [string, string][] = [
  ['控制台 dashboard', '/admin'],
  ['工作动态列表 news list', '/admin/collections/news'],
  ['简报列表 bulletins list', '/admin/collections/bulletins'],
  ['政策文件列表 policies list', '/admin/collections/resolutions'],
  ['工作动态列表搜索 news list search', `/admin/collections/news?search=${encodeURIComponent('垃圾分类')}`],
]

export const adminLoad = async (cmsBase: string, token: string, say: (line: string) => void): Promise<AdminTiming[]> => {
  say('▶ 管理后台页面（已登录编辑，服务器用时：各 5 次）')
  const out: AdminTiming[] = []
  for (const [name, path] of VIEWS) {
    const get = async () => {
      const started = performance.now()
      const res = await fetch(`${cmsBase}${path}`, { headers: { cookie: `payload-token=${token}` }, redirect: 'manual' })
      const html = await res.text()
      // A page that asks for a password is the sign-in page, not the view: the session did not count.
      if (html.includes('type="password"')) throw new Error(`${path} 返回了登录页：会话未被接受`)
      return { ms: performance.now() - started, status: res.status }
    }
    await get()
    const runs = []
    for (let i = 0; i < 5; i++) runs.push(await get())
    const ms = runs.map((r) => r.ms).sort((a, b) => a - b)
    const timing = { name, path, median: Math.round(ms[2]!), worst: Math.round(ms[4]!), status: runs[0]!.status }
    say(`  ${name}：中位 ${String(timing.median)} ms，最差 ${String(timing.worst)} ms${timing.status === 200 ? '' : `（HTTP ${String(timing.status)}）`}`)
    out.push(timing)
  }
  return out
}
