import type { Route } from './lib/routes.ts'

declare global {
  namespace App {
    interface Locals {
      /** The route table of the release being rendered (set by the publisher, publisher/renderer.ts). */
      routes?: Map<string, Route>
    }
  }
}
