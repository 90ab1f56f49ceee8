/**
 * Maths in a tutor answer renders as maths in the real page: a fixed answer (streamed by the LLM
 * stand-in through the real server, socket and markdown pipeline) is checked in Chromium for
 *  - every class in KaTeX's HTML having a rule in the page's stylesheets (KaTeX's HTML and its
 *    stylesheet come from one KaTeX: when rehype-katex rendered with a nested katex 0.16 while the
 *    page loaded 0.19's stylesheet, `base`, `strut`, `vbox`, `thinbox`… had no rule), and
 *  - geometry: subscripts below their base's baseline, superscripts above, the slash of `\neq` and
 *    `\notin` drawn over the relation, the fraction's numerator above its denominator, the sum's
 *    limits above and below the sign.
 * The same for the code highlighting: every `hljs-*` class the highlighter emits has a rule.
 */
import { expect, test, type Locator } from '@playwright/test';
import { registerAndSignIn } from '../fixtures/auth';
import { startAppWithStandIn, type AppWithStandIn } from './app-with-stand-in';
import { askForMathsAnswer, formulas, mathsAnswer } from './maths-answer';

/**
 * KaTeX's atom classes (TeXbook math classes) and line-break markers: KaTeX sets them for spacing
 * and semantics only, and its own stylesheet has no rule for them.
 */
const unstyledByDesign = new Set([
  'mord',
  'mop',
  'mbin',
  'mrel',
  'mopen',
  'mclose',
  'mpunct',
  'minner',
  'mtight',
  'nobreak',
  'allowbreak',
]);

let app: AppWithStandIn;

test.beforeAll(async () => {
  app = await startAppWithStandIn(mathsAnswer);
});

test.afterAll(async () => {
  await app?.close();
});

/** Class names that appear in a selector of some rule of the page's stylesheets. */
async function classesWithRules(answer: Locator): Promise<string[]> {
  return answer.evaluate(() => {
    const found = new Set<string>();
    const visit = (rules: CSSRuleList) => {
      for (const rule of Array.from(rules)) {
        if (rule instanceof CSSStyleRule) {
          for (const match of rule.selectorText.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g))
            found.add(match[1]!);
        }
        // @media, @supports, @layer and nested rules.
        if ('cssRules' in rule) visit((rule as CSSGroupingRule).cssRules);
      }
    };
    for (const sheet of Array.from(document.styleSheets)) visit(sheet.cssRules);
    return [...found];
  });
}

async function classesUsed(root: Locator, selector: string): Promise<string[]> {
  return root.evaluate((element, css) => {
    const used = new Set<string>();
    for (const node of Array.from(element.querySelectorAll(css))) {
      for (const name of Array.from(node.classList)) used.add(name);
    }
    return [...used];
  }, selector);
}

interface Glyph {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** The y of the glyph's own baseline (a zero-size inline-block placed on it). */
  baseline: number;
  fontSize: number;
}

/**
 * The glyphs (text leaves) of the formula whose TeX source is `tex`, in document order, with
 * their boxes and baselines; `within` limits them to the descendants matching a selector.
 */
async function glyphsOf(answer: Locator, tex: string, within = '*'): Promise<Glyph[]> {
  return answer.evaluate(
    (element, { tex, within }) => {
      const formula = Array.from(element.querySelectorAll('.katex')).find(
        (katex) => katex.querySelector('annotation')?.textContent?.trim() === tex,
      );
      if (!formula) throw new Error(`no formula ${tex}`);
      const html = formula.querySelector('.katex-html');
      if (!html) throw new Error(`formula ${tex} has no HTML`);
      const scope = new Set(Array.from(html.querySelectorAll(`${within}, ${within} *`)));
      const leaves = Array.from(html.querySelectorAll('span')).filter(
        (span) =>
          scope.has(span) &&
          span.children.length === 0 &&
          (span.textContent ?? '').replace(/\u200b/g, '').trim() !== '',
      );
      return leaves.map((leaf) => {
        const marker = document.createElement('span');
        marker.style.cssText = 'display:inline-block;width:0;height:0;padding:0;border:0;margin:0';
        leaf.append(marker);
        const baseline = marker.getBoundingClientRect().top;
        marker.remove();
        const box = leaf.getBoundingClientRect();
        return {
          text: leaf.textContent ?? '',
          left: box.left,
          right: box.right,
          top: box.top,
          bottom: box.bottom,
          baseline,
          fontSize: parseFloat(getComputedStyle(leaf).fontSize),
        };
      });
    },
    { tex, within },
  );
}

function glyph(glyphs: Glyph[], text: string, nth = 0): Glyph {
  const found = glyphs.filter((g) => g.text === text)[nth];
  if (!found)
    throw new Error(`no glyph "${text}" #${nth} in ${glyphs.map((g) => g.text).join(' ')}`);
  return found;
}

function horizontalOverlap(a: Glyph, b: Glyph): number {
  return Math.min(a.right, b.right) - Math.max(a.left, b.left);
}

test('a tutor answer with maths and code renders with styles for every class, and maths is laid out as maths', async ({
  browser,
}) => {
  const context = await browser.newContext({
    baseURL: app.baseURL,
    viewport: { width: 1400, height: 900 },
  });
  const page = await context.newPage();
  await registerAndSignIn(page, { path: '/chat' });
  await expect(page.getByTestId('connection-status')).toHaveText('Connected');
  const answer = await askForMathsAnswer(page);
  expect(app.standIn.requestsTo('openai').length, app.output()).toBeGreaterThan(0);

  // Every class KaTeX put in its HTML has a rule in the stylesheets the page loaded.
  const styled = new Set(await classesWithRules(answer));
  const katexClasses = await classesUsed(answer, '.katex-html, .katex-html *');
  expect(katexClasses.length).toBeGreaterThan(20);
  const unstyledKatex = katexClasses.filter(
    (name) => !styled.has(name) && !unstyledByDesign.has(name),
  );
  expect(unstyledKatex, 'KaTeX classes without a rule in the loaded stylesheets').toEqual([]);

  // The same for the highlighted code: every token class has a rule of the theme.
  const codeClasses = await classesUsed(answer, 'pre code.hljs [class]');
  expect(codeClasses).toContain('hljs-built_in');
  const unstyledCode = codeClasses.filter((name) => name.startsWith('hljs-') && !styled.has(name));
  expect(unstyledCode, 'highlight.js classes without a rule in the loaded stylesheets').toEqual([]);

  // x_i - x_j ≠ 0: each subscript is smaller than its base, with its baseline below the base's and
  // its box well below the base's box (a full-size "i" a little lowered reads "xi").
  const subscripts = await glyphsOf(answer, formulas.subscripts);
  for (const nth of [0, 1]) {
    const base = glyph(subscripts, 'x', nth);
    const script = glyph(subscripts, nth === 0 ? 'i' : 'j');
    const em = base.fontSize;
    expect(script.fontSize, `subscript ${script.text} smaller`).toBeLessThan(0.85 * em);
    expect(
      script.baseline - base.baseline,
      `subscript ${script.text} below the baseline`,
    ).toBeGreaterThan(0.1 * em);
    expect(script.top - base.top, `subscript ${script.text}'s box lower`).toBeGreaterThan(
      0.25 * em,
    );
  }
  // ≠ is the relation "=" with a slash drawn over it (KaTeX overlays U+E020), not "/=".
  const equals = glyph(subscripts, '=');
  const neqSlash = subscripts.find((g) => g.text === '\ue020');
  expect(neqSlash, subscripts.map((g) => g.text).join(' ')).toBeDefined();
  expect(horizontalOverlap(neqSlash!, equals)).toBeGreaterThan(0.5 * (equals.right - equals.left));

  // t ∉ {…}: the slash is drawn over the ∈.
  const notin = await glyphsOf(answer, formulas.notin);
  const element = glyph(notin, '∈');
  const notinSlash = glyph(notin, '/');
  expect(horizontalOverlap(notinSlash, element)).toBeGreaterThan(
    0.3 * (element.right - element.left),
  );

  // h^{n+1}: the superscript is smaller, with its baseline well above the base's.
  const power = await glyphsOf(answer, formulas.superscript);
  const h = glyph(power, 'h');
  const exponent = glyph(power, 'n');
  expect(exponent.fontSize, 'superscript smaller').toBeLessThan(0.85 * h.fontSize);
  expect(h.baseline - exponent.baseline, 'superscript above the baseline').toBeGreaterThan(
    0.25 * h.fontSize,
  );

  // The display formula: the sum's limits above and below the sign, the fraction stacked.
  const display = await glyphsOf(answer, formulas.display);
  const body = glyph(display, 'p').fontSize;
  const sum = glyph(display, '∑');
  const upper = glyph(display, 'n');
  const lower = glyph(display, '0');
  expect(sum.baseline - upper.baseline, 'the upper limit above ∑').toBeGreaterThan(1.0 * body);
  expect(lower.baseline - sum.baseline, 'the lower limit below ∑').toBeGreaterThan(0.6 * body);
  expect(horizontalOverlap(upper, sum), 'the upper limit over ∑').toBeGreaterThan(0);
  // t - x_j over x_i - x_j: the numerator's t well above the denominator's first x.
  const fraction = await glyphsOf(answer, formulas.display, '.mfrac');
  const numerator = glyph(fraction, 't');
  const denominator = glyph(fraction, 'x', 1);
  expect(
    denominator.baseline - numerator.baseline,
    'the numerator above the denominator',
  ).toBeGreaterThan(0.8 * body);

  await context.close();
});
