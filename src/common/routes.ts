import { applyDecorators, Controller, Delete, Get, HttpCode, Patch, Post, Put, Type } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiIdParam, ApiSignedIn } from './api-docs';

/**
 * What a route says of itself in the OpenAPI document: a summary, the longer rules, and the error
 * statuses it can answer beyond those of every signed-in route (ApiSignedIn on the controller).
 */
export interface RouteDoc {
  summary: string;
  description?: string;
  errors?: number[];
}

/** A controller whose every route needs a signed-in caller, documented under `tag`; its routes start at `path` ('/': at the root). */
export const SignedInController = (tag: string, path: string = tag) => applyDecorators(ApiTags(tag), ApiSignedIn(), Controller(path));

/** A route's mapping and its documentation in one decorator, so that each route says only what is its own. */
function route(mapping: MethodDecorator, path: string | undefined, { errors, ...operation }: RouteDoc, answer: MethodDecorator, status?: number): MethodDecorator {
  return applyDecorators(
    mapping,
    ...(status ? [HttpCode(status)] : []),
    // Every `:id` in a path is a record's UUID, read with IdParam.
    ...(path?.split('/').includes(':id') ? [ApiIdParam()] : []),
    ApiOperation(operation),
    answer,
    ...(errors ? [ApiErrors(...errors)] : []),
  );
}

/** GET, answered 200 with `type`. */
export const ReadRoute = (path: string | undefined, type: Type, doc: RouteDoc) => route(Get(path), path, doc, ApiOkResponse({ type }));

/** POST that adds a record, answered 201 with it. */
export const CreateRoute = (path: string | undefined, type: Type, doc: RouteDoc) => route(Post(path), path, doc, ApiCreatedResponse({ type }));

/** POST that acts on what exists (it creates nothing), answered 200 with `type`. */
export const ActionRoute = (path: string | undefined, type: Type, doc: RouteDoc) => route(Post(path), path, doc, ApiOkResponse({ type }), 200);

/** PUT, answered 200 with what it stored. */
export const PutRoute = (path: string | undefined, type: Type, doc: RouteDoc) => route(Put(path), path, doc, ApiOkResponse({ type }));

/** PATCH, answered 200 with the changed record. */
export const PatchRoute = (path: string | undefined, type: Type, doc: RouteDoc) => route(Patch(path), path, doc, ApiOkResponse({ type }));

/** DELETE, answered 204; `done` says what happened. */
export const DeleteRoute = (path: string, done: string, doc: RouteDoc) => route(Delete(path), path, doc, ApiNoContentResponse({ description: done }), 204);

/** POST answered 204 (nothing to show for it); `done` says what happened. */
export const NoContentRoute = (path: string, done: string, doc: RouteDoc) => route(Post(path), path, doc, ApiNoContentResponse({ description: done }), 204);

/**
 * A step of one record's workflow (approve, reject, file, acknowledge, withdraw…), answered 200
 * with the record: 403 when the actor may not take it, 404 for a record they cannot see, 409 when
 * its state does not allow it (someone acted first).
 */
export const DecisionRoute = (path: string, record: Type, doc: Omit<RouteDoc, 'errors'>) => ActionRoute(path, record, { ...doc, errors: [400, 403, 404, 409] });
