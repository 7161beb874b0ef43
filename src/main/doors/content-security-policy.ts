// One Content-Security-Policy for the renderer, wherever it is served: as a header by the preview server and by
// the Electron session, and (checked by a test) in the built index.html's meta tag. No inline or eval'd script;
// photos are shown from data: thumbnails.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  // Handout previews: the PDF made by the main process, shown from a blob: URL in a frame.
  'frame-src blob:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
