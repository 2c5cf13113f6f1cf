import { DomainError, notFound } from '../domain/errors/domain-error';

export const versionNotFound = () => notFound('The handbook version', 'HANDBOOK_VERSION_NOT_FOUND');

export const articleNotFound = () => notFound('The article', 'ARTICLE_NOT_FOUND');

export const draftExists = () => new DomainError('conflict', 'HANDBOOK_DRAFT_EXISTS', 'There is a draft already: edit or publish it');

export const handbookEmpty = () => new DomainError('unprocessable', 'HANDBOOK_EMPTY', 'A version without articles cannot be published');

export const versionPublished = () => new DomainError('conflict', 'HANDBOOK_VERSION_PUBLISHED', 'A published version is never edited: draft a new one');

export const onlyStaffAcknowledge = () => new DomainError('forbidden', 'ROLE_REQUIRED', 'Only a staff member acknowledges the handbook');

export const notCurrentVersion = (current: number) =>
  new DomainError('unprocessable', 'NOT_CURRENT_VERSION', `Version ${current} is the current handbook`, [{ field: 'version', message: `must be ${current}` }], { number: current });
