// Origins allowed to call the API from a browser: the console in dev (Vite on
// any localhost port) and the packaged Electron app. Everything else gets no
// CORS headers, so a browser refuses to hand it the response.
const ALLOWED = [/^http:\/\/localhost(:\d{1,5})?$/, /^http:\/\/127\.0\.0\.1(:\d{1,5})?$/, /^app:\/\/switchboard$/];

export function isAllowedOrigin(origin: string | undefined): origin is string {
  return typeof origin === 'string' && ALLOWED.some((pattern) => pattern.test(origin));
}
