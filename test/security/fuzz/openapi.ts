/**
 * The slice of an OpenAPI 3 document the bad-input fuzzer reads: operations, their parameters and
 * request bodies, with every `$ref` into `components.schemas` resolved (and `allOf` merged).
 */

export interface JsonSchema {
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';
  format?: string;
  pattern?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  nullable?: boolean;
  additionalProperties?: boolean | JsonSchema;
  allOf?: JsonSchema[];
  $ref?: string;
  example?: unknown;
  default?: unknown;
}

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  /** `POST /staff/{id}/deactivate` */
  id: string;
  method: HttpMethod;
  path: string;
  parameters: Parameter[];
  /** Media type → resolved schema; null when the operation takes no body. */
  body: { required: boolean; content: Record<string, JsonSchema> } | null;
  /** Open routes (sign-in, health, the device protocol) have no bearer requirement. */
  open: boolean;
  /** A device key (`X-Device-Key`) may call it. */
  deviceKey: boolean;
}

interface RawParameter {
  name: string;
  in: Parameter['in'];
  required?: boolean;
  schema?: JsonSchema;
}

interface RawOperation {
  parameters?: RawParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  security?: Record<string, string[]>[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components: { schemas: Record<string, JsonSchema> };
}

const METHODS: HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

/** Replaces every `$ref` by the schema it names and folds `allOf` into one schema. */
export function resolveSchema(document: OpenApiDocument, schema: JsonSchema, depth = 0): JsonSchema {
  if (depth > 20) throw new Error('The OpenAPI schemas nest deeper than 20 levels (a $ref cycle?)');
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = document.components.schemas[name];
    if (!target) throw new Error(`Unresolvable $ref ${schema.$ref}`);
    const { $ref: _ref, ...rest } = schema;
    return resolveSchema(document, { ...target, ...rest }, depth + 1);
  }
  let result: JsonSchema = { ...schema };
  if (schema.allOf) {
    const { allOf, ...rest } = schema;
    result = rest;
    for (const part of allOf) {
      const resolved = resolveSchema(document, part, depth + 1);
      result = {
        ...resolved,
        ...result,
        properties: { ...(resolved.properties ?? {}), ...(result.properties ?? {}) },
        required: [...(resolved.required ?? []), ...(result.required ?? [])],
      };
    }
  }
  if (result.items) result.items = resolveSchema(document, result.items, depth + 1);
  if (result.properties) {
    result.properties = Object.fromEntries(Object.entries(result.properties).map(([key, value]) => [key, resolveSchema(document, value, depth + 1)]));
  }
  if (result.additionalProperties && typeof result.additionalProperties === 'object') {
    result.additionalProperties = resolveSchema(document, result.additionalProperties, depth + 1);
  }
  return result;
}

/** Every operation of the document, with resolved schemas. */
export function listOperations(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const raw = item[method];
      if (!raw) continue;
      const parameters = (raw.parameters ?? []).map((parameter) => ({
        name: parameter.name,
        in: parameter.in,
        required: parameter.required === true,
        schema: resolveSchema(document, parameter.schema ?? { type: 'string' }),
      }));
      const content = raw.requestBody?.content;
      const body = content
        ? {
            required: raw.requestBody?.required === true,
            content: Object.fromEntries(Object.entries(content).map(([type, media]) => [type, resolveSchema(document, media.schema ?? {})])),
          }
        : null;
      const security = raw.security ?? [];
      const open = security.every((requirement) => Object.keys(requirement).length === 0);
      const deviceKey = security.some((requirement) => 'deviceKey' in requirement);
      operations.push({ id: `${method.toUpperCase()} ${path}`, method, path, parameters, body, open, deviceKey });
    }
  }
  return operations;
}
