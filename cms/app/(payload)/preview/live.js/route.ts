/**
 * The live preview's side of Payload's protocol (what @payloadcms/live-preview's `ready` and
 * `isDocumentEvent` do): tell the admin the page is ready, then reload on each save or autosave of the
 * document, so the edit view's preview pane always shows the latest draft as the server renders it.
 */
const SCRIPT = `if (window.parent !== window) {
  window.parent.postMessage({ type: 'payload-live-preview', ready: true }, location.origin)
  window.addEventListener('message', function (event) {
    if (event.origin === location.origin && event.data && event.data.type === 'payload-document-event') location.reload()
  })
}
`

export const GET = () => new Response(SCRIPT, { headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'private, max-age=300' } })
