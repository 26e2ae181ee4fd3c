import sharp from 'sharp'

/**
 * A text-free placeholder portrait (a soft gradient with a group silhouette), rendered by sharp from an
 * SVG so that no binary asset has to live in the repository. Its alt text must say it is a placeholder.
 */
export const placeholderPortrait = async (from: string, to: string, width = 960, height = 720): Promise<Buffer> => {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 960 720">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
  <rect width="960" height="720" fill="url(#g)"/>
  <g fill="#ffffff" fill-opacity="0.82">
    <circle cx="330" cy="300" r="70"/><rect x="240" y="390" width="180" height="220" rx="80"/>
    <circle cx="630" cy="300" r="70"/><rect x="540" y="390" width="180" height="220" rx="80"/>
    <circle cx="480" cy="260" r="82"/><rect x="375" y="365" width="210" height="260" rx="95"/>
  </g>
</svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 82, mozjpeg: true }).toBuffer()
}
