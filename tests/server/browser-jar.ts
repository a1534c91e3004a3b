/**
 * What a browser keeps between requests, for sign-in tests driven by fetch: cookies by name and
 * path for one host (cookies do not tell ports apart, so Vägval's and the provider's on
 * 127.0.0.1 share a jar as in a browser), redirects followed by hand so a test may stop at one.
 */
export class BrowserJar {
  private readonly cookies = new Map<string, { value: string; path: string }>();
  /** Each Set-Cookie header as received, for tests of its attributes. */
  readonly setCookies: string[] = [];

  cookieHeader(url: URL): string {
    return [...this.cookies].filter(([, c]) => url.pathname.startsWith(c.path)).map(([name, c]) => `${name}=${c.value}`).join('; ');
  }

  get(name: string): string | undefined {
    return this.cookies.get(name)?.value;
  }

  set(name: string, value: string, path = '/'): void {
    this.cookies.set(name, { value, path });
  }

  private take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      this.setCookies.push(line);
      const [pair, ...attributes] = line.split(';').map((s) => s.trim());
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      const attr = (key: string) => attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.split('=')[1];
      const expired = attr('max-age') === '0' || (attr('expires') !== undefined && Date.parse(attr('expires')!) < Date.now()) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, { value, path: attr('path') ?? '/' });
    }
  }

  async request(url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Response> {
    const target = new URL(url);
    const cookie = this.cookieHeader(target);
    const response = await fetch(target, { method: init.method ?? 'GET', redirect: 'manual', headers: { ...(cookie ? { cookie } : {}), ...init.headers }, ...(init.body !== undefined ? { body: init.body } : {}) });
    this.take(response);
    return response;
  }

  /** Follows redirects until an answer that is not one, or until `stopAt` says the next address is where the test takes over. */
  async follow(url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}, stopAt?: (next: URL) => boolean): Promise<{ response: Response; url: URL }> {
    let current = new URL(url);
    let response = await this.request(current.href, init);
    for (let hops = 0; hops < 20 && response.status >= 300 && response.status < 400; hops++) {
      const next = new URL(response.headers.get('location')!, current);
      if (stopAt?.(next)) return { response, url: next };
      current = next;
      response = await this.request(current.href);
    }
    return { response, url: current };
  }
}

/** The action and fields of the first form on a page, as a browser would submit it. */
export function firstForm(html: string, base: URL): { action: URL; fields: URLSearchParams } {
  const form = /<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) throw new Error(`no form on the page: ${html.slice(0, 300)}`);
  const fields = new URLSearchParams();
  for (const input of form[2]!.matchAll(/<input[^>]*>/gi)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1];
    const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? '';
    if (name) fields.set(name, value);
  }
  return { action: new URL(form[1]!.replace(/&amp;/g, '&'), base), fields };
}
