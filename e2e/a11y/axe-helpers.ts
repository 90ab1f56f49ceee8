/**
 * Accessibility checks run on a page as a person sees it: axe-core's rules (no serious or critical
 * violation), and the contrast of placeholder text, which axe does not measure.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { newAccount, type TestAccount } from '../fixtures/auth';

export const viewports = {
  desktop: { width: 1400, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

/** Registers an account through the API (the refresh cookie lands in the page's context). */
export async function signUp(page: Page): Promise<TestAccount> {
  const account = newAccount();
  const response = await page.request.post('/api/auth/register', {
    data: { email: account.email, username: account.username, password: account.password },
  });
  expect(response.status(), await response.text()).toBe(201);
  return account;
}

interface AxeOptions {
  /** Scan only these (e.g. a frame); the whole page when absent. */
  include?: string[];
  /** Selectors left out of the scan, each with its reason in the caller. */
  exclude?: string[];
  /**
   * Violations of these rules are listed in the test's annotations instead of failing it: known
   * findings in third-party UI we embed, each with where it is tracked.
   */
  known?: Record<string, string>;
}

/** Runs axe-core on the page as it is now; fails listing every serious or critical violation. */
export async function expectNoSeriousViolations(
  page: Page,
  what: string,
  options: AxeOptions = {},
): Promise<void> {
  let builder = new AxeBuilder({ page });
  for (const selector of options.include ?? []) builder = builder.include(selector);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const known = options.known ?? {};
  const all = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  for (const violation of all.filter((v) => known[v.id] !== undefined)) {
    test.info().annotations.push({
      type: 'known a11y finding',
      description: `${what}: ${violation.impact} ${violation.id} on ${violation.nodes.length} element(s); ${known[violation.id]}`,
    });
  }
  const serious = all.filter((violation) => known[violation.id] === undefined);
  const report = serious
    .map((violation) =>
      [
        `${violation.impact} ${violation.id}: ${violation.help} (${violation.helpUrl})`,
        ...violation.nodes
          .slice(0, 8)
          .map(
            (node) =>
              `    ${node.target.join(' >> ')}\n      ${node.failureSummary?.replace(/\n/g, '\n      ')}`,
          ),
      ].join('\n'),
    )
    .join('\n');
  expect(serious.length, `axe on ${what} (${page.url()}):\n${report}`).toBe(0);
}

/**
 * Placeholder text of every visible, enabled field has a contrast of at least 4.5:1 with the
 * field's background. Colours are read through a canvas, so any CSS colour (oklch included) is
 * compared as the sRGB the screen shows.
 */
/** Returns how many placeholders it measured. */
export async function expectReadablePlaceholders(page: Page, what: string): Promise<number> {
  const failures = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 1;
    canvas.height = 1;
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    const rgba = (color: string): [number, number, number, number] => {
      context.clearRect(0, 0, 1, 1);
      context.fillStyle = '#000';
      context.fillStyle = color;
      context.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
      return [r!, g!, b!, a! / 255];
    };
    const luminance = ([r, g, b]: number[]) => {
      const channel = (v: number) => {
        const c = v / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
    };
    /** The first opaque background from the element upwards (white at the top). */
    const backgroundOf = (element: Element): number[] => {
      for (let node: Element | null = element; node; node = node.parentElement) {
        const [r, g, b, a] = rgba(getComputedStyle(node).backgroundColor);
        if (a > 0.99) return [r, g, b];
      }
      return [255, 255, 255];
    };
    const fields = Array.from(
      document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
        'input[placeholder], textarea[placeholder]',
      ),
    ).filter((field) => field.placeholder && !field.disabled && field.checkVisibility());
    const found: string[] = [];
    for (const field of fields) {
      const [r, g, b, a] = rgba(getComputedStyle(field, '::placeholder').color);
      const background = backgroundOf(field);
      // Blend a translucent placeholder colour over the background, as the screen does.
      const text = [r, g, b].map((v, i) => v * a + background[i]! * (1 - a));
      const [light, dark] = [luminance(text), luminance(background)].sort((x, y) => y - x);
      const ratio = (light! + 0.05) / (dark! + 0.05);
      if (ratio < 4.5) {
        const name =
          field.getAttribute('aria-label') || field.name || field.id || field.tagName.toLowerCase();
        found.push(`"${field.placeholder}" (${name}): ${ratio.toFixed(2)}:1`);
      }
    }
    return { found, count: fields.length };
  });
  expect(failures.found, `placeholders below 4.5:1 on ${what}`).toEqual([]);
  return failures.count;
}
