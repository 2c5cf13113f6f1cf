import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { ErrorBody, setRetryAfter, toErrorBody } from '../common/errors/all-exceptions.filter';

/** `CODE: message`: what a terminal shows in its log (it cannot read the JSON error body). */
export function sendPlainTextError(response: Response, body: Pick<ErrorBody, 'statusCode' | 'code' | 'message'>): void {
  if (response.headersSent) return;
  response.status(body.statusCode).type('text/plain').send(`${body.code}: ${body.message}`);
}

/**
 * The /iclock routes answer terminals, which only understand plain text: the same mapping from
 * error to status as everywhere (toErrorBody), written as one line instead of the JSON body.
 */
@Catch()
export class IclockExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Iclock');

  catch(exception: unknown, host: ArgumentsHost): void {
    const body = toErrorBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    const response = host.switchToHttp().getResponse<Response>();
    setRetryAfter(response, body);
    sendPlainTextError(response, body);
  }
}
