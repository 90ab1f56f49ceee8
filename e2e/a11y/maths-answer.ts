/**
 * A fixed tutor answer with the maths and code every answer may hold (sub- and superscripts,
 * `\neq`, `\notin`, a sum with limits, a fraction, a highlighted Python block), and how a spec gets
 * it into the chat: the LLM stand-in streams it as the vendor's answer (see app-with-stand-in.ts).
 */
import { expect, type Page } from '@playwright/test';

export const formulas = {
  subscripts: String.raw`x_i - x_j \neq 0`,
  notin: String.raw`t \notin \{x_0, \dots, x_n\}`,
  superscript: String.raw`h^{n+1}`,
  display: String.raw`p(t) = \sum_{i=0}^{n} y_i \prod_{j \neq i} \frac{t - x_j}{x_i - x_j}`,
};

export const mathsAnswer = [
  `Lagrange's form needs distinct nodes: $${formulas.subscripts}$ whenever $i \\neq j$. For a point $${formulas.notin}$,`,
  '',
  `$$${formulas.display}$$`,
  '',
  `The error shrinks like $${formulas.superscript}$ as the spacing $h$ gets smaller.`,
  '',
  '```python',
  'print(sum(y[i] * L(i, t) for i in range(n + 1)))',
  '```',
].join('\n');

/** Asks a question on the open chat page and waits for the finished answer, which it returns. */
export async function askForMathsAnswer(page: Page) {
  const input = page.getByRole('textbox', { name: 'Message' });
  await input.fill('How does Lagrange interpolation build the polynomial through my points?');
  await input.press('Enter');
  const answer = page.locator('li[data-role="assistant"]:not([data-streaming])').last();
  await expect(answer).toContainText('Lagrange', { timeout: 30_000 });
  await expect(answer.locator('.katex')).toHaveCount(6);
  return answer;
}
