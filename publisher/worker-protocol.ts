import type { PreviewResult } from './preview.ts'

/** Messages between the CMS's job runner and the publisher process (publisher/worker.ts). */
export type PublishMode = 'fast' | 'full'

export type WorkerRequest = { kind: 'warm' } | { kind: 'publish'; id: number; mode: PublishMode } | { kind: 'preview'; id: number; collection: string; docId: string; live: boolean }

export type PublishSummary =
  | { ok: true; release: string; pages: number; rendered: number; reused: number; ms: number; failures: string[] }
  | { ok: false; error: string }

export type WorkerReply = { kind: 'log'; id: number; line: string } | { kind: 'done'; id: number; summary: PublishSummary } | { kind: 'preview'; id: number; result: PreviewResult }
