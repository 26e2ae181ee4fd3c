/**
 * The CMS's REST API under 50 concurrent connections (autocannon): a list and a detail, anonymous and
 * signed in (an editor's token), each the same read again (answered from the micro-cache, cms/lib/apiCache.ts)
 * and a distinct read each time (a query string of its own: every request reaches Payload and the database).
 */
import autocannon from 'autocannon'

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0

export const restLoad = async (cmsBase: string, newsId: number | undefined, token: string, say: (line: string) => void) => {
  say('▶ 内容管理接口压力测试（autocannon，50 并发）')
  const load = async (name: string, url: string, bustCache = false, signedIn = false) => {
    const headers = signedIn ? { authorization: `JWT ${token}` } : undefined
    await fetch(url, { headers }) // warm
    const times: number[] = []
    let n = 0
    // bustCache: a distinct query string per request, so every request reaches the database.
    const requests = bustCache ? [{ setupRequest: (req: { path: string }) => ({ ...req, path: `${req.path}&nocache=${String(n++)}` }) }] : undefined
    const instance = autocannon({ url, connections: 50, duration: 10, requests, headers } as Parameters<typeof autocannon>[0])
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime))
    const result = await instance
    times.sort((a, b) => a - b)
    const r = { name, url: url.replace(cmsBase, ''), requests: times.length, rps: Math.round(result.requests.average), p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), errors: result.errors, non2xx: result.non2xx }
    say(`  ${name}：p50 ${r.p50.toFixed(1)} ms，p95 ${r.p95.toFixed(1)} ms，p99 ${r.p99.toFixed(1)} ms，${String(r.rps)} 次/秒${r.non2xx || r.errors ? `，错误 ${String(r.errors + r.non2xx)}` : ''}`)
    return r
  }
  return [
    await load('列表 list', `${cmsBase}/api/news?limit=10&depth=0`),
    await load('详情 detail', `${cmsBase}/api/news/${String(newsId)}?depth=0`),
    await load('列表（绕过缓存）list, uncached', `${cmsBase}/api/news?limit=10&depth=0`, true),
    await load('详情（绕过缓存）detail, uncached', `${cmsBase}/api/news/${String(newsId)}?depth=0`, true),
    await load('列表（已登录）list, signed in', `${cmsBase}/api/news?limit=10&depth=0`, false, true),
    await load('详情（已登录）detail, signed in', `${cmsBase}/api/news/${String(newsId)}?depth=0`, false, true),
    await load('列表（已登录，绕过缓存）list, signed in, uncached', `${cmsBase}/api/news?limit=10&depth=0`, true, true),
  ]
}
