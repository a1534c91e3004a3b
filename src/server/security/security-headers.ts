import { secureHeaders } from 'hono/secure-headers';

/**
 * Hono's secureHeaders with a Content-Security-Policy for the built app: its scripts and styles
 * come from its own files only (Vite writes no inline script; the rule set is fetched as
 * assets/ruleset-<hash>.json), nothing may frame it (clickjacking of the save button), and
 * no referrer leaves the app. Images may be data: and blob: URLs (the QR code and the PDF).
 * `signOutTo` names the identity provider's origin where sign-in is on: signing out is a form
 * whose answer sends the browser on to the provider, and form-action governs that redirect too.
 */
export const securityHeaders = (signOutTo: readonly string[] = []) =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      // 'wasm-unsafe-eval' lets the PDF renderer compile its layout engine (yoga, WebAssembly); it allows no JS eval.
      scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      workerSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'", ...signOutTo],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    // The app uses none of these powerful features; a script that got in could not turn them on.
    // Fullscreen stays for this origin: the workshop's slides and decision tree go fullscreen.
    permissionsPolicy: {
      camera: [],
      microphone: [],
      geolocation: [],
      payment: [],
      usb: [],
      serial: [],
      bluetooth: [],
      hid: [],
      midi: [],
      displayCapture: [],
      screenWakeLock: [],
      publickeyCredentialsGet: [],
      browsingTopics: [],
      fullscreen: ['self'],
    },
    // Served over plain HTTP on localhost by default; HSTS belongs to the TLS proxy in front.
    strictTransportSecurity: false,
  });
