import { expect, test } from '@playwright/test';

test('the server reports itself and the database healthy', async ({ request }) => {
  const response = await request.get('/health');
  expect(response.ok()).toBe(true);
  expect(await response.json()).toMatchObject({ status: 'healthy', database: { status: 'up', kind: 'pglite' } });
});
