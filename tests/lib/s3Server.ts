// An S3-compatible server for the deployment tests: s3rver (npm @20minutes/s3rver) on loopback, run as
// `node tests/lib/s3Server.ts <port> <directory> <bucket>`. Its list continuation tokens use DES, which
// OpenSSL 3 only offers with the legacy provider: the test starts it with --openssl-legacy-provider. It
// computes list and delete signatures differently from the current AWS SDK (which real S3, OSS and COS
// accept), so it is told not to check signatures.
import S3rver from '@20minutes/s3rver'

const [port, directory, bucket] = process.argv.slice(2)
const server = new S3rver({ address: '127.0.0.1', port: Number(port), directory, silent: true, allowMismatchedSignatures: true, configureBuckets: [{ name: bucket! }] })
await server.run()
console.log('ready')
