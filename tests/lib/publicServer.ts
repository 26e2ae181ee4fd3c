// A "public web server" for the deployment tests: Debian's OpenSSH server (key login only) and nginx
// with the project's site configuration (deploy/nginx/wenming-site.conf), both on their own loopback
// address and port, run from a throwaway directory. Nothing here is a mock: what the publisher talks to
// is the real sshd, rsync and nginx.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { rootDir } from '../../cms/lib/paths.ts'

/** Every process below `pid` (children, their children …), read from /proc. */
const descendants = (pid: number): number[] => {
  const parents = new Map<number, number>()
  for (const entry of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = []
  const walk = (p: number) => {
    for (const [child, parent] of parents) {
      if (parent !== p) continue
      found.push(child)
      walk(child)
    }
  }
  walk(pid)
  return found
}

/** A port nothing listens on at `host` now (the kernel's choice). */
export const freePort = (host: string) =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer()
    server.on('error', reject)
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })

/** Waits until something accepts connections on address:port. */
const listening = async (host: string, port: number, timeoutMs = 15_000) => {
  const until = Date.now() + timeoutMs
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host, port }, () => resolve(Boolean(socket.end())))
      socket.on('error', () => resolve(false))
    })
    if (ok) return
    if (Date.now() > until) throw new Error(`${host}:${String(port)} 未在 ${String(timeoutMs)} 毫秒内开始监听`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

export interface PublicServer {
  /** The server's own folder (its configuration, keys, and `bin/`, searched first for the commands it runs). */
  dir: string
  host: string
  sshPort: number
  httpPort: number
  /** The web root the target writes (`path`). */
  root: string
  user: string
  keyFile: string
  hostKey: string
  url: (pathname: string) => string
  /** Kills sshd and every session it runs with SIGKILL, as a crashed or powered-off server would end them. */
  killSsh: () => void
  startSsh: () => Promise<void>
  stop: () => Promise<void>
}

/** Stops a server process and waits until it has exited. */
export const stopped = (child: ChildProcess | null) =>
  new Promise<void>((resolve) => {
    if (!child || child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })

/**
 * A network namespace joined to this one by a veth pair: the server inside answers at 10.231.<n>.2, and
 * `link(false)` takes the link down as a cut cable would (packets vanish; nothing is refused).
 */
export const makeNamespace = (n: number) => {
  const name = `wenming${String(n)}`
  const outside = `wmh${String(n)}`
  const inside = `wmn${String(n)}`
  const ip = (...args: string[]) => execFileSync('ip', args)
  // One left by a run that was killed or failed goes first, and its veth pair: deleting the namespace's
  // name leaves the pair while a process it ran (sshd, nginx) still holds the namespace, and the next
  // run then failed at `ip link add`.
  for (const args of [['netns', 'del', name], ['link', 'del', outside]]) {
    try {
      execFileSync('ip', args, { stdio: 'ignore' })
    } catch {
      // There was none.
    }
  }
  ip('netns', 'add', name)
  ip('link', 'add', outside, 'type', 'veth', 'peer', 'name', inside)
  ip('link', 'set', inside, 'netns', name)
  ip('addr', 'add', `10.231.${String(n)}.1/24`, 'dev', outside)
  ip('link', 'set', outside, 'up')
  ip('netns', 'exec', name, 'ip', 'addr', 'add', `10.231.${String(n)}.2/24`, 'dev', inside)
  ip('netns', 'exec', name, 'ip', 'link', 'set', inside, 'up')
  ip('netns', 'exec', name, 'ip', 'link', 'set', 'lo', 'up')
  return {
    name,
    host: `10.231.${String(n)}.2`,
    link: (up: boolean) => ip('link', 'set', outside, up ? 'up' : 'down'),
    remove: () => ip('netns', 'del', name),
  }
}

/** Starts sshd and nginx for one public server in `dir` (its web root is `dir/www`), inside `netns` if given. */
export const startPublicServer = async (dir: string, host: string, sshPort: number, httpPort: number, netns?: string): Promise<PublicServer> => {
  const root = path.join(dir, 'www')
  mkdirSync(root, { recursive: true })
  mkdirSync('/run/sshd', { recursive: true })
  mkdirSync(path.join(dir, 'bin'), { recursive: true })
  const keyFile = path.join(dir, 'client_key')
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(dir, 'host_key')])
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', keyFile])
  // The account's shell starts as a public server's deploy account does, without this machine's own start-up
  // files: the root account here runs pyenv from ~/.bashrc (150–400 ms a command, and a push runs five), which
  // bash reads for every command sshd starts. The key's HOME (PermitUserEnvironment) is an empty folder.
  mkdirSync(path.join(dir, 'home'), { recursive: true })
  writeFileSync(path.join(dir, 'authorized_keys'), `environment="HOME=${path.join(dir, 'home')}" ${readFileSync(`${keyFile}.pub`, 'utf8')}`, { mode: 0o600 })
  const user = os.userInfo().username
  writeFileSync(
    path.join(dir, 'sshd_config'),
    [
      `ListenAddress ${host}:${String(sshPort)}`,
      `HostKey ${path.join(dir, 'host_key')}`,
      `PidFile ${path.join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      'StrictModes no',
      'UsePAM no',
      'PermitUserEnvironment HOME',
      `AllowUsers ${user}`,
      // Commands the server runs are looked up in <dir>/bin first: a test can put a wrapper there (one that
      // holds a push at a known point, for instance).
      `SetEnv PATH=${path.join(dir, 'bin')}:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin`,
    ].join('\n') + '\n',
  )
  let sshd: ChildProcess | null = null
  const startSsh = async () => {
    sshd = spawn(...inNamespace(netns, '/usr/sbin/sshd', ['-D', '-e', '-f', path.join(dir, 'sshd_config')]), { stdio: 'ignore' })
    await listening(host, sshPort)
  }
  await startSsh()

  const nginx = await startNginx(dir, host, httpPort, root, netns)
  return {
    dir,
    host,
    sshPort,
    httpPort,
    root,
    user,
    keyFile,
    hostKey: readFileSync(path.join(dir, 'host_key.pub'), 'utf8').trim(),
    url: (pathname) => `http://${host}:${String(httpPort)}${pathname}`,
    killSsh: () => {
      for (const pid of [...descendants(sshd?.pid ?? -1), sshd?.pid ?? -1].filter((p) => p > 0)) {
        try {
          process.kill(pid, 'SIGKILL')
        } catch {
          // Gone already.
        }
      }
    },
    startSsh,
    stop: async () => {
      await stopped(sshd)
      await nginx.stop()
    },
  }
}

/** A command run inside a network namespace, or as it is. */
const inNamespace = (netns: string | undefined, command: string, args: string[]): [string, string[]] => (netns ? ['ip', ['netns', 'exec', netns, command, ...args]] : [command, args])

/** nginx with the project's site configuration, serving `<root>/current` on host:port (files in `dir/nginx`). */
export const startNginx = async (dir: string, host: string, httpPort: number, root: string, netns?: string) => {
  const site = readFileSync(path.join(rootDir, 'deploy/nginx/wenming-site.conf'), 'utf8').replace('listen 80;', `listen ${host}:${String(httpPort)};`).replaceAll('/srv/wenming', root)
  mkdirSync(path.join(dir, 'nginx'), { recursive: true })
  writeFileSync(
    path.join(dir, 'nginx', 'nginx.conf'),
    [
      'load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;',
      ...(process.getuid?.() === 0 ? ['user root;'] : []),
      'worker_processes 1;',
      `pid ${path.join(dir, 'nginx', 'nginx.pid')};`,
      `error_log ${path.join(dir, 'nginx', 'error.log')};`,
      'events { worker_connections 256; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      `  access_log ${path.join(dir, 'nginx', 'access.log')};`,
      `  client_body_temp_path ${path.join(dir, 'nginx')};`,
      site,
      '}',
    ].join('\n'),
  )
  const nginx = spawn(...inNamespace(netns, '/usr/sbin/nginx', ['-p', path.join(dir, 'nginx'), '-c', path.join(dir, 'nginx', 'nginx.conf'), '-g', 'daemon off;']), { stdio: 'ignore' })
  await listening(host, httpPort)
  return { stop: () => stopped(nginx) }
}

/** s3rver (tests/lib/s3Server.ts) on 127.0.0.1:port with one bucket, storing in `directory`; resolved once it serves. */
export const startS3Server = (port: number, directory: string, bucket: string) =>
  new Promise<ChildProcess>((resolve, reject) => {
    const child = spawn(process.execPath, ['--openssl-legacy-provider', path.join(rootDir, 'tests/lib/s3Server.ts'), String(port), directory, bucket], { stdio: ['ignore', 'pipe', 'inherit'] })
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve(child))
    child.on('exit', (code) => reject(new Error(`s3rver 提前退出（${String(code)}）`)))
  })
