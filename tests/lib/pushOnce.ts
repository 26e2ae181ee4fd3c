// `node tests/lib/pushOnce.ts '<target config JSON>' <release id> [public key file]`: one push, in a process
// of its own (a test can kill the pusher — the CMS — in the middle of it, or ship a site it built), with
// the environment's DATA_DIR; writes the site's public key to the file if one is named.
import { writeFileSync } from 'node:fs'

import { publicKeyPem } from '../../publisher/targets/signing.ts'
import { deliver, type TargetConfig } from '../../publisher/targets/sync.ts'

const [config, release, keyFile] = process.argv.slice(2)
if (keyFile) writeFileSync(keyFile, publicKeyPem())
const state = await deliver(JSON.parse(config!) as TargetConfig, release!, AbortSignal.timeout(120_000))
console.log(JSON.stringify(state))
if (state.lastError) process.exit(1)
