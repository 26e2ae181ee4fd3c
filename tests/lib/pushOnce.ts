// `node tests/lib/pushOnce.ts '<target config JSON>' <release id>`: one push, in a process of its own, so a
// test can kill the pusher (the CMS) in the middle of it.
import { deliver, type TargetConfig } from '../../publisher/targets/sync.ts'

const state = await deliver(JSON.parse(process.argv[2]!) as TargetConfig, process.argv[3]!, AbortSignal.timeout(120_000))
console.log(JSON.stringify(state))
