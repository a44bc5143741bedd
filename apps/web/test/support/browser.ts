import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Browser, chromium, Page } from 'playwright-core';

/**
 * Browser tests drive Debian's Chromium (never a downloaded one) against the real app that
 * startTestApp serves, with apps/web/dist built beforehand (`npm test` builds it first).
 */
export const ARTIFACTS = join(__dirname, '..', '..', '..', '..', 'test-artifacts', 'web');
export const WEB_DIST = join(__dirname, '..', '..', 'dist');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Session {
  page: Page;
  errors: string[];
  close: () => Promise<void>;
}

/** A user signs in through the login form, by keyboard only (focus starts in the login field). */
export async function signIn(browser: Browser, baseUrl: string, login: string): Promise<Session> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1400, height: 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`${login}: ${e.message}`));
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').waitFor();
  await page.keyboard.type(login);
  await page.keyboard.press('Tab');
  await page.keyboard.type('demo-2026');
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return { page, errors, close: () => context.close() };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
  targets: string[];
}

/** axe-core on the current screen; returns every violation (the caller fails on serious/critical). */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  // The screen as a user reads it, not under the pointer that last clicked (hover shades are
  // checked where they matter: the theme sets them dark enough).
  await page.mouse.move(0, 0);
  // A dialog that is still zooming in, or a button's click wave, has half-blended colours that
  // axe would measure as low contrast: measure the screen as it settles, not mid-animation.
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
    undefined,
    { timeout: 10_000 },
  );
  // Evaluated through the DevTools protocol, so the app's CSP (script-src 'self') stays on.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<AxeResult> } }).axe;
    type AxeResult = {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: string[]; failureSummary?: string }[];
      }[];
    };
    // Toasts are transient and fade in/out (axe would measure a half-transparent colour).
    const r = await axe.run({ exclude: [['.ant-message']] } as unknown as Document, {
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
    }));
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Bytes of the built bundle (JS + CSS), raw and gzip -9, and of what the first screen loads. */
export function bundleSize(): { files: number; raw: number; gzip: number; entryGzip: number } {
  const assets = join(WEB_DIST, 'assets');
  let raw = 0;
  let gzip = 0;
  let files = 0;
  const gz = new Map<string, number>();
  for (const f of readdirSync(assets)) {
    if (!/\.(js|css)$/.test(f)) continue;
    const body = readFileSync(join(assets, f));
    files++;
    raw += statSync(join(assets, f)).size;
    const g = gzipSync(body, { level: 9 }).length;
    gz.set(f, g);
    gzip += g;
  }
  // The entry and the chunks index.html preloads: what every first visit downloads.
  const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/assets\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const entryGzip = entry.reduce((s, f) => s + (gz.get(f) ?? 0), 0);
  return { files, raw, gzip, entryGzip };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Signed-in pages by login, each opened on first use: a story that several users play. */
export class Sessions {
  private readonly open = new Map<string, Session>();

  constructor(
    private readonly browser: () => Browser,
    private readonly baseUrl: () => string,
  ) {}

  async page(login: string): Promise<Page> {
    let s = this.open.get(login);
    if (!s) {
      s = await signIn(this.browser(), this.baseUrl(), login);
      this.open.set(login, s);
    }
    return s.page;
  }

  /** Every uncaught error of every page so far. */
  errors(): string[] {
    return [...this.open.values()].flatMap((s) => s.errors);
  }

  async closeAll(): Promise<void> {
    for (const s of this.open.values()) await s.close();
    this.open.clear();
  }
}

/**
 * The screen as its user reads it, checked by axe and saved as a screenshot: serious and critical
 * violations fail the test. Returns every violation, for a test's report.
 */
export async function expectAccessible(page: Page, name: string): Promise<AxeViolation[]> {
  await page.waitForLoadState('networkidle');
  // A dialog fading in has text at partial opacity (antd's motion classes, besides animations).
  // Only visible elements count, and the wait is bounded: a settling aid, not an assertion (a
  // popup can keep a motion class that never ends; axe then judges what is on screen).
  await page
    .waitForFunction(
      () =>
        [
          ...document.querySelectorAll(
            '[class*="-appear-active"], [class*="-enter-active"], [class*="-leave-active"]',
          ),
        ].every((el) => !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })),
      undefined,
      { timeout: 5000 },
    )
    .catch(() => undefined);
  const violations = await runAxe(page);
  await screenshot(page, name);
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  return violations;
}
