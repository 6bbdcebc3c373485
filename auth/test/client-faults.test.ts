import { CSRF_COOKIE, CSRF_HEADER } from '@ticketing/common';
import { forThisFile, fuzzClientFaults, notClientErrors, UNSAFE_TEXTS } from '@ticketing/common/testing';
import { Browser, newUser, startAuth } from './support';

const service = forThisFile(startAuth);

test('when every route gets each class of malformed request, then every answer is a 4xx JSON error', async () => {
  const browser = await new Browser(service.app).open();
  const csrf = browser.cookies.get(CSRF_COOKIE) ?? '';
  const answers = await fuzzClientFaults(service.app, {
    headers: { Cookie: `${CSRF_COOKIE}=${csrf}`, [CSRF_HEADER]: csrf },
    bodyRoutes: [
      { method: 'POST', path: '/api/users/signup', body: newUser(), textFields: ['name'] },
      { method: 'POST', path: '/api/users/signin', body: newUser() },
    ],
    idPaths: [],
    listPaths: [],
  });
  expect(notClientErrors(answers)).toEqual([]);
});

test.each(UNSAFE_TEXTS)(
  'when a name holds %s, then sign-up answers 400 naming name',
  async (_holding, name) => {
    const browser = await new Browser(service.app).open();
    const res = await browser.post('/api/users/signup', { ...newUser(), name });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'name' })]);
  },
);
