import http from 'node:http';

export interface Reply {
  status: number | 'error';
  ms: number;
  body: string;
}

/**
 * One POST on node:http (the cheapest client on the load generator's share of the cores). Never throws:
 * a failed connection is status "error".
 */
export function post(agent: http.Agent, url: string, body: unknown, headers: Record<string, string>) {
  const payload = JSON.stringify(body);
  const started = performance.now();
  return new Promise<Reply>((resolve) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, body: text }),
        );
        res.on('error', (err) =>
          resolve({ status: 'error', ms: performance.now() - started, body: String(err) }),
        );
      },
    );
    req.on('error', (err) =>
      resolve({ status: 'error', ms: performance.now() - started, body: String(err) }),
    );
    req.end(payload);
  });
}

/** A client per buyer: as many sockets as requests in flight, kept alive between a buyer's requests. */
export const agentFor = (sockets = Infinity) => new http.Agent({ keepAlive: true, maxSockets: sockets });
