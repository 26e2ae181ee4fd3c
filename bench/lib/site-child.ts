// The bench's site server process (site-process.ts): serves argv[2] and answers 'reset' and 'bytes' over IPC.
import type { AddressInfo } from 'node:net'

import { createSiteServer } from '../../scripts/site-server.ts'
import { meter } from './probe.ts'

const server = createSiteServer(process.argv[2]!)
const m = meter(server)
server.listen(0, () => process.send!({ port: (server.address() as AddressInfo).port }))
process.on('message', (question: 'reset' | 'bytes') => {
  if (question === 'reset') {
    m.reset()
    process.send!({ reset: true })
  } else process.send!({ bytes: m.bytes() })
})
process.on('disconnect', () => process.exit(0))
