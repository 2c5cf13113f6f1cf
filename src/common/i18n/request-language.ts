import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { CompanyProfileService } from './company-profile.service';
import { DEFAULT_LANGUAGE, Language, languageFromAcceptLanguage } from '../../domain/i18n/language';

type WithLanguage = Request & { language?: Language };

/** Resolves each request's language once, first thing, so that even a body-parser error reads right. */
export function requestLanguage(profile: CompanyProfileService) {
  return (request: Request, response: Response, next: NextFunction): void => {
    (request as WithLanguage).language = languageFromAcceptLanguage(request.headers['accept-language'], profile.defaultLanguage());
    response.vary('Accept-Language');
    next();
  };
}

export function languageOfRequest(request: unknown): Language {
  return (request as WithLanguage | undefined)?.language ?? DEFAULT_LANGUAGE;
}

/** The language the reader asked for (Accept-Language), or the company's default. */
export const ReaderLanguage = createParamDecorator((_: unknown, context: ExecutionContext): Language => languageOfRequest(context.switchToHttp().getRequest()));
