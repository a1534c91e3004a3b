import { secureHeaders } from 'hono/secure-headers';

/**
 * Hono's secureHeaders with a Content-Security-Policy for the built app: its scripts and styles
 * come from its own files only (Vite writes no inline script; the rule set is fetched as
 * assets/ruleset-<hash>.json), nothing may frame it (clickjacking of the save button), and
 * no referrer leaves the app. Images may be data: and blob: URLs (the QR code and the PDF).
 */
export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      workerSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    // Served over plain HTTP on localhost by default; HSTS belongs to the TLS proxy in front.
    strictTransportSecurity: false,
  });
