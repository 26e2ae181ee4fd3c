// s3rver ships no types; the tests use this much of it.
declare module '@20minutes/s3rver' {
  export default class S3rver {
    constructor(options: { address?: string; port?: number; directory?: string; silent?: boolean; allowMismatchedSignatures?: boolean; configureBuckets?: { name: string }[] })
    run(): Promise<unknown>
    close(): Promise<void>
  }
}
