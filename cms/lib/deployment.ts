/**
 * Where this installation is reachable, from the environment, and whether it is a local trial or a
 * served site. Everything security-relevant (listening address, CSRF origins, secure cookies, the demo
 * password) is decided here, so the safe choice is the default: loopback, unless `HOST` says otherwise.
 */
import { isIP } from 'node:net'

type Env = Record<string, string | undefined>

/** The interface both servers listen on (`HOST`, default loopback). */
export const listenHost = (env: Env = process.env): string => env.HOST?.trim() || '127.0.0.1'

/** The CMS's public origin (`SERVER_URL`, default http://localhost:$PORT): admin links, CSRF, cookies. */
export const cmsOrigin = (env: Env = process.env): string =>
  new URL(env.SERVER_URL?.trim() || `http://localhost:${env.PORT?.trim() || '3000'}`).origin

/** The public site's origin (`SITE_URL`, default http://localhost:4321). */
export const siteOrigin = (env: Env = process.env): string => new URL(env.SITE_URL?.trim() || 'http://localhost:4321').origin

const stripBrackets = (host: string) => host.replace(/^\[|\]$/g, '')

/** Whether a host name or address only ever means this machine. */
export const isLoopback = (host: string): boolean => {
  const h = stripBrackets(host.trim().toLowerCase())
  if (h === 'localhost' || h.endsWith('.localhost')) return true
  if (isIP(h) === 4) return h.startsWith('127.')
  if (isIP(h) === 6) return h === '::1' || /^::ffff:127\./.test(h)
  return false
}

/**
 * A served site rather than a local trial: `NODE_ENV=production`, a non-loopback `HOST`, or an origin
 * (CMS or site) that other machines use. Demo accounts and the documented password are refused then.
 */
export const isPublicDeployment = (env: Env = process.env): boolean => {
  // `npm start` decides once, in its own process, and tells its children: the CMS server forces
  // NODE_ENV=production inside the CMS, which would make every local trial look served.
  if (env.WENMING_DEPLOYMENT === 'local' || env.WENMING_DEPLOYMENT === 'public') return env.WENMING_DEPLOYMENT === 'public'
  return (
    env.NODE_ENV === 'production' ||
    !isLoopback(listenHost(env)) ||
    !isLoopback(new URL(cmsOrigin(env)).hostname) ||
    !isLoopback(new URL(siteOrigin(env)).hostname)
  )
}

/** Origins whose browser requests may carry the admin session cookie (Payload's `csrf` list). */
export const trustedOrigins = (env: Env = process.env): string[] => {
  const origin = cmsOrigin(env)
  const url = new URL(origin)
  if (!isLoopback(url.hostname)) return [origin]
  // A local trial is opened as localhost or 127.0.0.1 alike; both are this machine.
  const port = url.port ? `:${url.port}` : ''
  return [...new Set([origin, `${url.protocol}//localhost${port}`, `${url.protocol}//127.0.0.1${port}`])]
}

/**
 * The client addresses a request names: the addresses a proxy forwarded, else the socket's (Next fills
 * `x-forwarded-for` with it when the client sent none). A client can add false entries but never remove
 * the proxy's, so "every address is loopback" is only ever too strict.
 */
export const clientAddresses = (headers: Headers): string[] => {
  const forwarded = [headers.get('x-forwarded-for'), headers.get('x-real-ip')]
    .flatMap((v) => (v ? v.split(',') : []))
    .map((v) => v.trim())
  const rfc7239 = [...(headers.get('forwarded') ?? '').matchAll(/for="?\[?([^\]";,]+)/gi)].map((m) => m[1]!.trim())
  return [...forwarded, ...rfc7239].filter(Boolean)
}

/** Whether a request provably comes from this machine (and the deployment is a local trial). */
export const isLocalRequest = (headers: Headers, env: Env = process.env): boolean => {
  if (isPublicDeployment(env)) return false
  const addresses = clientAddresses(headers)
  return addresses.length > 0 && addresses.every(isLoopback)
}
