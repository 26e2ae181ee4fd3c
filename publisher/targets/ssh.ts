/**
 * The `ssh` target: a public web server reached with OpenSSH (key only, the server's host key pinned) and
 * rsync. A push makes `<path>/releases/<id>.partial` as hard links of the live release (`cp -al`; made
 * ahead, as `releases/<live>.next`, right after the previous switch, so a push does not wait for it) and
 * learns which parts of the signed manifest the server lacks, sends the changed files into it with rsync
 * (written to new files, never into the linked ones), removes what the release dropped, checks the
 * manifest's signature (`openssl`, with the public key the admin installed at `<path>/release-key.pem`;
 * without it nothing is switched), the SHA-256 of every sent part and file and the file count on the
 * server, keeps a pristine copy of each new file in `<path>/objects/` for the guard, and only then names
 * the directory `releases/<id>`. The switch, in the same round trip, is one rename of `current`; the next
 * push's directory and the removal of releases beyond the newest five (with the parts and copies only they
 * named) follow in the background on the server (`prepareNext`, then `pruneAfterSwitch`). The layout is the
 * receiver's (webroot.ts).
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { dataDir } from '../../cms/lib/paths.ts'
import type { Shipment, TamperEntry, TargetDriver } from './driver.ts'

export interface SshConfig {
  name: string
  host: string
  port?: number | null
  user: string
  path: string
  keyFile: string
  hostKey: string
}

/**
 * Keeps a pristine copy of each sent file in `objects/<sha[0:2]>/<sha>` (a new inode: editing a served file
 * cannot reach it), read-only, written under a temporary name; one already there is touched (pruning leaves
 * alone what was used in the last ten minutes). Lines of stdin are `<sha> <path>`, paths
 * under the directory given. Perl is on every Debian system (perl-base is essential); one process copies
 * them all.
 */
const KEEP_OBJECTS = [
  'while (my $line = <STDIN>) {',
  '  chomp $line;',
  '  my ($sha, $rel) = split(/ /, $line, 2);',
  '  my $dir = "objects/" . substr($sha, 0, 2);',
  '  my $obj = "$dir/$sha";',
  '  if (-f $obj) { utime(undef, undef, $obj); next; }',
  '  mkdir $dir;',
  '  open(my $in, "<:raw", "$ARGV[0]/$rel") or die "$rel: $!\\n";',
  '  my $data = do { local $/; <$in> } // "";',
  '  open(my $out, ">:raw", "$obj.tmp") or die "$obj: $!\\n";',
  '  print {$out} $data or die "$obj: $!\\n";',
  '  close($out) or die "$obj: $!\\n";',
  '  chmod(0444, "$obj.tmp");',
  '  rename("$obj.tmp", $obj) or die "$obj: $!\\n";',
  '}',
].join('\n')

/** Single-quoted for a POSIX shell. */
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`

/** The lock a push waits on while the last switch's background work (below) runs. */
const TIDY_LOCK = '.tidy.lock'

/**
 * The next push's directory, made on the server right after a switch (in the background, holding the lock
 * the next push waits on) out of one that is there anyway — the one made for the release live before (after
 * a rollback), else the oldest release beyond the newest five — a file in
 * it is kept only when it is the live file itself (the same inode), everything else in it goes and the live
 * files it lacks are linked in: what changed since it was live, where a whole new tree of links (and
 * deleting the old one) was seconds of system time at 10,000 documents. Otherwise (the first releases) a
 * new tree of links: made here, off the push's path, it cost the next push less than linking on the path.
 */
const prepareNext = (id: string) =>
  [
    'set -e',
    'export LC_ALL=C',
    `rm -rf releases/*.next.tmp releases/*.next.dirs releases/*.next.times`,
    `next=releases/${q(id)}.next.tmp`,
    // The directory made for the release live before (after a rollback); else the oldest beyond the newest
    // five; else, after a rollback, a release newer than the live one.
    `spare=$(ls -1 releases | grep '[.]next$' | head -n 1 || true)`,
    `for d in $(ls -1 releases | grep '[.]next$' || true); do [ "$d" = "$spare" ] || rm -rf "releases/$d"; done`,
    `[ -n "$spare" ] || spare=$(ls -1 releases | grep -v '[.]' | sort -r | tail -n +6 | grep -vxF ${q(id)} | head -n 1 || true)`,
    `[ -n "$spare" ] || spare=$(ls -1 releases | grep -v '[.]' | sort | awk -v id=${q(id)} '$0 > id' | head -n 1)`,
    'if [ -n "$spare" ]; then',
    '  mv "releases/$spare" "$next" && case "$spare" in *.next) ;; *) rm -f "manifests/$spare.json" "manifests/$spare.sig";; esac',
    '  lists=$(mktemp -d)',
    `  (cd releases/${q(id)} && find . -type f -printf '%i %P\\n' | sort) > "$lists/live"`,
    // Everything but folders: a link or anything else planted there is never a live file, so it goes too.
    `  (cd "$next" && find . ! -type d -printf '%i %P\\n' | sort) > "$lists/old"`,
    `  comm -13 "$lists/live" "$lists/old" | cut -d' ' -f2- | (cd "$next" && xargs -d '\\n' -r rm -f)`,
    `  (cd "$next" && find . -mindepth 1 -type d -empty -delete)`,
    `  comm -23 "$lists/live" "$lists/old" | cut -d' ' -f2- | (cd releases/${q(id)} && xargs -d '\\n' -r cp -al --parents -t "../${id}.next.tmp")`,
    '  rm -rf "$lists"',
    'else',
    `  cp -al releases/${q(id)} "$next"`,
    'fi',
    `mv "$next" releases/${q(id)}.next`,
    // The change time of each of its folders (below): unchanged, the push trusts it and counts nothing.
    `(cd releases/${q(id)}.next && find . -type d -print0 > ../${q(id)}.next.dirs && ${FOLDER_TIMES} < ../${q(id)}.next.dirs > ../${q(id)}.next.times)`,
  ].join('\n')

/**
 * The change time of each folder named (NUL-separated) on stdin. A file or folder planted, deleted or
 * replaced anywhere in the readied directory changes its folder's, and a change time cannot be set back
 * (a modification time can): while every folder's is what it was when the directory was readied, the
 * directory is still equal to the live release, and the push need not count its files (a walk of every
 * folder on the publish's path, a quarter of a second at 10,000 documents with nothing else running).
 */
const FOLDER_TIMES = `xargs -0 -r stat --printf '%z %n\\n'`

/**
 * Pruning on the server after a switch, at low priority and without the lock (a push never waits for it):
 * releases beyond the newest six (the sixth is the next one to recycle; never the live one) with their
 * manifests, then every part and pristine copy no remaining release names and no push touched in the last
 * ten minutes (one staged meanwhile uses them before its manifest names them). Nothing more is removed
 * when a remaining manifest is unreadable.
 */
const pruneAfterSwitch = (id: string) =>
  [
    'set -e',
    'export LC_ALL=C',
    `for r in $(ls -1 releases | grep -v '[.]' | sort -r | tail -n +7 | grep -vxF ${q(id)} || true); do rm -rf "releases/$r" "manifests/$r.json" "manifests/$r.sig"; done`,
    // Parts and copies at most once in ten minutes (what was used in them is kept anyway; a sweep lists all).
    `[ -z "$(find .swept -mmin -10 2>/dev/null)" ] || exit 0`,
    'touch .swept',
    `keep=$(mktemp); files=$(mktemp); trap 'rm -f "$keep" "$files"' EXIT`,
    `for d in releases/*/; do r=$(basename "$d"); case "$r" in *.partial|*.next|*.next.tmp) continue;; esac; grep -o '[0-9a-f]\\{64\\}' "manifests/$r.json" >> "$keep" || exit 0; done`,
    `sort -u -o "$keep" "$keep"`,
    `(set -o pipefail; sed 's|.*|manifests/parts/&.json|' "$keep" | xargs -r cat | grep -o '[0-9a-f]\\{64\\}' > "$files") || exit 0`,
    `sort -u -o "$files" "$files"`,
    `find manifests/parts -type f -mmin +10 -printf '%f\\n' | sed 's/\\.json$//' | sort | comm -23 - "$keep" | sed 's|.*|manifests/parts/&.json|' | xargs -r rm -f`,
    `find objects -type f -mmin +10 -printf '%f\\n' | sort | comm -23 - "$files" | sed -E 's|^(..)(.*)|objects/\\1/\\1\\2|' | xargs -r rm -f`,
  ].join('\n')

/**
 * Makes `releases/<id>` what the server serves with one rename of `current`. The rest runs on after the
 * push returns, at low priority (it must not slow the server's serving), holding the lock the next push
 * waits on while the next directory is made.
 */
const switchScript = (id: string) =>
  [
    `ln -sfn releases/${q(id)} current.tmp && mv -T current.tmp current`,
    `nohup setsid bash -c ${q(`nice -n 10 flock ${TIDY_LOCK} bash -c ${q(prepareNext(id))}; nice -n 19 bash -c ${q(pruneAfterSwitch(id))}`)} </dev/null >/dev/null 2>&1 &`,
  ].join('\n')

/** Runs a command, feeding `input`; resolves with its stdout, rejects with its stderr (in Chinese context). */
const run = (command: string, args: string[], input: string | Buffer, signal: AbortSignal): Promise<string> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { signal, stdio: ['pipe', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (d: Buffer) => out.push(d))
    child.stderr.on('data', (d: Buffer) => err.push(d))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'))
      else reject(new Error(Buffer.concat(err).toString('utf8').trim().split('\n').slice(-3).join(' ') || `${command} 退出码 ${String(code)}`))
    })
    child.stdin.on('error', () => undefined)
    child.stdin.end(input)
  })

export const sshTarget = (config: SshConfig): TargetDriver => {
  const port = String(config.port ?? 22)
  // The pinned host key: a known_hosts line, with the host written in as ssh expects it when only the key was given.
  const knownHosts = path.join(dataDir, 'targets', `${config.name.replace(/[^\w.-]/g, '_')}.known_hosts`)
  const hostPattern = port === '22' ? config.host : `[${config.host}]:${port}`
  const line = config.hostKey.trim()
  mkdirSync(path.dirname(knownHosts), { recursive: true })
  writeFileSync(knownHosts, `${/^(ssh-|ecdsa-)/.test(line) ? `${hostPattern} ${line}` : line}\n`)
  const sshArgs = [
    '-i', config.keyFile, '-p', port,
    '-o', 'BatchMode=yes', '-o', 'PasswordAuthentication=no', '-o', 'KbdInteractiveAuthentication=no', '-o', 'IdentitiesOnly=yes',
    '-o', 'StrictHostKeyChecking=yes', '-o', `UserKnownHostsFile=${knownHosts}`, '-o', 'GlobalKnownHostsFile=/dev/null',
    '-o', 'ConnectTimeout=10', '-o', 'ServerAliveInterval=5', '-o', 'ServerAliveCountMax=2', '-o', 'LogLevel=ERROR',
    // One connection carries the driver's commands, pushes and tamper checks alike, and stays a minute after
    // the last (each handshake cost more than the command). The socket is this driver's alone: a connection
    // made under one target's pinned host key must never serve another target. A server gone silent ends
    // the connection after ServerAlive's ten seconds; the next command connects anew.
    '-o', 'ControlMaster=auto', '-o', `ControlPath=${path.join(os.tmpdir(), `wm-${randomBytes(6).toString('hex')}-%C`)}`, '-o', 'ControlPersist=60',
  ]
  const remote = `${config.user}@${config.host}`
  const root = config.path.replace(/\/+$/, '')
  /** Runs a shell script on the server (`set -e`, in the target's directory). */
  const sh = (script: string, signal: AbortSignal, input = '') => run('ssh', [...sshArgs, remote, `cd ${q(root)} && ${script}`], input, signal)

  /** One push of `shipment` (see push below). */
  const attempt = async (shipment: Shipment, signal: AbortSignal): Promise<number> => {
    const { manifest, signed } = shipment
    const id = manifest.id
    const partial = `releases/${id}.partial`
    // 1. Unless the server has the release already (a rollback: then it is switched to, and that is all),
    // the new directory as hard links of the live release (or empty), and the manifest parts the server
    // does not have.
    const parts = [...signed.parts.keys()]
    const first = await sh(
      'bash -s',
      signal,
      [
        `if [ -d releases/${q(id)} ]; then`,
        switchScript(id),
        'echo yes; exit 0',
        'fi',
        `mkdir -p releases manifests/parts objects`,
        // The last switch's work in the background (the next directory, pruning) is finished first.
        `flock ${TIDY_LOCK} true`,
        // A push of this release cut short is resumed (rsync sends what arrived whole as a small delta); any other is removed.
        `for d in releases/*.partial; do [ "$d" = ${q(partial)} ] || rm -rf "$d"; done`,
        `live=$(basename "$(readlink current 2>/dev/null)" 2>/dev/null || true)`,
        // A server not on the release it was last given (wiped, restored from a backup) gets the whole site.
        `if [ "$live" != ${q(shipment.base ?? '')} ]; then rm -rf ${q(partial)}; if [ -d current/ ]; then cp -al "$(readlink -f current)" ${q(partial)}; else mkdir ${q(partial)}; fi; echo whole`,
        `elif [ -d ${q(partial)} ]; then :`,
        `elif [ -n "$live" ] && [ -d "releases/$live.next" ]; then`,
        `  if [ -f "releases/$live.next.times" ] && (cd "releases/$live.next" && ${FOLDER_TIMES} < "../$live.next.dirs" | cmp -s - "../$live.next.times"); then echo trusted; fi`,
        `  mv "releases/$live.next" ${q(partial)}; rm -f "releases/$live.next.dirs" "releases/$live.next.times"`,
        `elif [ -n "$live" ] && [ -d current/ ]; then cp -al "$(readlink -f current)" ${q(partial)}; else mkdir ${q(partial)}; fi`,
        // Parts it has are touched: the background pruning leaves alone what was used in the last ten minutes.
        `have=''; for p in ${parts.join(' ')}; do if [ -f manifests/parts/$p.json ]; then have="$have manifests/parts/$p.json"; else echo "$p"; fi; done`,
        `[ -z "$have" ] || touch $have`,
      ].join('\n'),
    )
    if (first.trim() === 'yes') return 0
    const said = first.split('\n')
    const missing = said.filter((line) => signed.parts.has(line))
    const whole = said.includes('whole')
    // Started from the directory readied after the last switch, unchanged since: its count is the live release's.
    const trusted = said.includes('trusted')
    const delta = whole ? Object.keys(manifest.files) : shipment.delta
    const removed = whole ? [] : shipment.removed
    // 2. The changed files (rsync writes each to a new file, so the linked originals stay as they were).
    // Every listed file is sent (`--ignore-times`), as a delta against the server's copy: rsync's own check
    // (same size and modification time) passed over a file two releases wrote a second apart at the same
    // size, and the push then failed its checksums, every time it was tried.
    const list = delta.join('\n')
    const rsyncOut = await run('rsync', ['-a', '--ignore-times', '--copy-links', '--no-inc-recursive', '--stats', '--files-from=-', '-e', ['ssh', ...sshArgs].map(q).join(' '), `${shipment.siteDir}/`, `${remote}:${root}/${partial}/`], list, signal)
    const sent = Number(/Total bytes sent: ([\d,]+)/.exec(rsyncOut)?.[1]?.replace(/,/g, '') ?? 0)
    // 3. The files the release dropped, the signed manifest, then every check before the directory is named.
    // Lists go in heredocs to one process each (a command per file cost minutes on a first push of 30,000).
    const emptied = [...new Set(removed.map((rel) => path.posix.dirname(rel)).filter((dir) => dir !== '.'))].sort().reverse()
    const gone = removed.length ? `(cd ${q(partial)} && xargs -d '\\n' -r rm -f) <<'WENMING_GONE'\n${removed.join('\n')}\nWENMING_GONE` : ''
    const checklist = delta.map((rel) => `${manifest.files[rel]!}  ${partial}/${rel}`).join('\n')
    const keep = delta.length ? `perl -e ${q(KEEP_OBJECTS)} ${q(partial)} <<'WENMING_KEEP'\n${delta.map((rel) => `${manifest.files[rel]!} ${rel}`).join('\n')}\nWENMING_KEEP` : ''
    // Starting from a release it was not given, whatever is not in the manifest goes (rsync sent what differed).
    const strays = whole
      ? [
          `(cd ${q(partial)} && find . -mindepth 1 ! -type f ! -type d -delete)`,
          `all=$(mktemp)`,
          `LC_ALL=C sort > "$all" <<'WENMING_ALL'\n${delta.join('\n')}\nWENMING_ALL`,
          `(cd ${q(partial)} && find . -type f -printf '%P\\n' | LC_ALL=C sort) | LC_ALL=C comm -23 - "$all" | (cd ${q(partial)} && xargs -d '\\n' -r rm -f)`,
          `rm -f "$all"`,
          `(cd ${q(partial)} && find . -mindepth 1 -type d -empty -delete)`,
        ].join('\n')
      : ''
    const script = [
      'set -e',
      gone,
      strays,
      ...missing.map((sha) => `printf %s ${q(signed.parts.get(sha)!.toString('base64'))} | base64 -d > manifests/parts/${sha}.json.tmp`),
      missing.length ? `sha256sum --quiet -c - <<'WENMING_PARTS' || { echo "发布清单分段校验失败" >&2; exit 4; }\n${missing.map((sha) => `${sha}  manifests/parts/${sha}.json.tmp`).join('\n')}\nWENMING_PARTS` : '',
      ...missing.map((sha) => `mv manifests/parts/${sha}.json.tmp manifests/parts/${sha}.json`),
      `for p in ${parts.join(' ')}; do [ -f manifests/parts/$p.json ] || { echo "缺少发布清单分段 $p" >&2; exit 6; }; done`,
      `printf %s ${q(signed.bytes.toString('base64'))} | base64 -d > manifests/${q(id)}.json.tmp`,
      `printf %s ${q(signed.signature)} > manifests/${q(id)}.sig.tmp`,
      `[ -f release-key.pem ] || { echo "服务器上没有发布公钥 ${root}/release-key.pem：请从仪表盘“发布目标”复制公钥并安装" >&2; exit 3; }`,
      `printf %s ${q(signed.signature)} | base64 -d > manifests/${q(id)}.sigbin.tmp`,
      `openssl pkeyutl -verify -pubin -inkey release-key.pem -rawin -in manifests/${q(id)}.json.tmp -sigfile manifests/${q(id)}.sigbin.tmp >/dev/null || { echo "发布清单签名无效（服务器上的发布公钥不是本站的）" >&2; exit 3; }`,
      `rm -f manifests/${q(id)}.sigbin.tmp`,
      delta.length ? `sha256sum --quiet -c - <<'WENMING_SUMS' || { echo "文件校验失败" >&2; exit 4; }\n${checklist}\nWENMING_SUMS` : '',
      // Folders the removals left empty go (a taken-down page's folder must not answer 403).
      emptied.length ? `(cd ${q(partial)} && xargs -d '\\n' -r rmdir -p --ignore-fail-on-non-empty 2>/dev/null) <<'WENMING_DIRS' || true\n${emptied.join('\n')}\nWENMING_DIRS` : '',
      trusted ? '' : `n=$(find ${q(partial)} -type f | wc -l); [ "$n" -eq ${String(Object.keys(manifest.files).length)} ] || { echo "文件数不符：$n" >&2; exit 5; }`,
      keep,
      `mv manifests/${q(id)}.json.tmp manifests/${q(id)}.json && mv manifests/${q(id)}.sig.tmp manifests/${q(id)}.sig`,
      `mv ${q(partial)} releases/${q(id)}`,
      // 4. Verified and named: the switch, in the same round trip.
      switchScript(id),
    ].join('\n')
    await sh('bash -s', signal, script)
    return sent + script.length
  }

  return {
    async push(shipment, signal) {
      try {
        return await attempt(shipment, signal)
      } catch (error) {
        // The directory the push started from held other files than the live release's (one planted in or
        // deleted from the readied directory, or the live one): it starts again from the live release as
        // from one it was not given — every file sent where it differs, checked, and nothing stray kept —
        // rather than failing the same way at every retry.
        if (!/文件数不符/.test((error as Error).message) || shipment.base === null) throw error
        return attempt({ ...shipment, base: null }, signal)
      }
    },
    async tamperSince(offset, _live, signal) {
      const out = await sh(`[ -f guard.log ] && tail -c +${String(offset + 1)} guard.log || true`, signal)
      const complete = out.slice(0, out.lastIndexOf('\n') + 1)
      const entries = complete
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as TamperEntry & { event: string })
        .filter((e) => e.event === 'restored')
      return { entries, offset: offset + Buffer.byteLength(complete) }
    },
  }
}
