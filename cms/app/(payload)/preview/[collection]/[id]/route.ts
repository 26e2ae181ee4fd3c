import { previewPage } from '../../../../../preview/page.ts'

export const dynamic = 'force-dynamic'

export const GET = async (request: Request, { params }: { params: Promise<{ collection: string; id: string }> }) => {
  const { collection, id } = await params
  return previewPage(request, collection, id)
}
