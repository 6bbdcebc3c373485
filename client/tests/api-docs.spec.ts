import { expect, test } from './fixtures';

test('when /api/docs is opened, then Swagger UI shows every service of the merged OpenAPI document', async ({
  page,
  request,
}) => {
  const document = await (await request.get('/api/docs/openapi.json')).json();
  expect(document.openapi).toBe('3.1.0');
  expect(document.info.description).not.toContain('Not reachable');
  const paths = Object.keys(document.paths);
  for (const path of ['/api/users/signin', '/api/tickets/{id}', '/api/orders', '/api/payments/webhook']) {
    expect(paths).toContain(path);
  }
  expect(document.components.schemas.Errors).toBeDefined();

  const assets: string[] = [];
  page.on('request', (req) => assets.push(new URL(req.url()).host));
  await page.goto('/api/docs');
  await expect(page.getByRole('heading', { name: /Ticketing API/ })).toBeVisible();
  for (const tag of ['auth', 'tickets', 'orders', 'payments']) {
    await expect(page.locator(`#operations-tag-${tag}`)).toBeVisible();
  }
  await expect(page.getByText('/api/tickets/mine')).toBeVisible();
  // Everything comes from the page's own origin: no CDN.
  expect(new Set(assets)).toEqual(new Set([new URL(page.url()).host]));
  await page.screenshot({ path: test.info().outputPath('api-docs.png'), fullPage: false });
});
