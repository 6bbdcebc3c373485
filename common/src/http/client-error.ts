import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';

/** What Node's HTTP parser rejects before Express sees the request, by the parser's error code. */
function statusFor(code: string | undefined): { status: number; code: string; message: string } {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return { status: 431, code: 'headers_too_large', message: 'Request headers too large' };
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return { status: 408, code: 'request_timeout', message: 'Request not received in time' };
  }
  if (code === 'HPE_INVALID_METHOD') {
    return { status: 400, code: 'bad_request', message: 'Unknown HTTP method' };
  }
  return { status: 400, code: 'bad_request', message: 'Malformed HTTP request' };
}

/**
 * Node answers a request its parser rejects (an unknown method, an over-long header, bad framing) with an
 * empty body; this answers it in the API's JSON error shape instead, and closes the connection.
 */
export function answerClientErrors(server: Server, logger: Logger): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const answer = statusFor(err.code);
    logger.info({ code: err.code, status: answer.status }, 'malformed http request');
    const body = JSON.stringify({ errors: [{ code: answer.code, message: answer.message }] });
    socket.end(
      `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
