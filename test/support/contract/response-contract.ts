import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { COMPONENTS_ID, Schema, toJsonSchema } from './json-schema';

/** One answer as a test received it. `body` is the parsed JSON for JSON media types, else the text (or null for bytes). */
export interface Answer {
  method: string;
  /** The URL or path the request went to (the query is ignored). */
  url: string;
  status: number;
  /** The Content-Type header, if any. */
  contentType: string | undefined;
  body: unknown;
  /** Whether the answer had a body at all. */
  hasBody: boolean;
}

export interface Verdict {
  /** `GET /staff/{id}`, or null when no documented operation matches. */
  operation: string | null;
  problems: string[];
}

interface MediaType {
  schema?: Schema;
}
interface ResponseObject {
  content?: Record<string, MediaType>;
}
interface OperationObject {
  responses?: Record<string, ResponseObject>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, Schema> };
}

interface Route {
  template: string;
  pattern: RegExp;
  /** Fewer parameters first: `/devices/unknown` wins over `/devices/{id}`. */
  parameters: number;
  operations: Record<string, OperationObject>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/**
 * Checks answers against the OpenAPI document the app generates: the status is documented for
 * the operation, the content type is documented for that status, and the body matches its schema.
 * Each schema is compiled once, on first use.
 */
export class ResponseContract {
  private readonly ajv: Ajv;
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(document: OpenApiDocument) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    // OpenAPI's own formats: numeric ones are range checks, the others describe bytes or secrets.
    this.ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
    this.ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
    for (const format of ['float', 'double']) this.ajv.addFormat(format, { type: 'number', validate: () => true });
    for (const format of ['binary', 'byte', 'password']) this.ajv.addFormat(format, () => true);
    const schemas = document.components?.schemas ?? {};
    this.ajv.addSchema({ $id: COMPONENTS_ID, definitions: Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, toJsonSchema(schema)])) });
    this.routes = Object.entries(document.paths)
      .map(([template, operations]) => ({
        template,
        pattern: new RegExp(`^${template.split(/\{[^}]+\}/).map(escapeRegExp).join('[^/]+')}$`),
        parameters: (template.match(/\{/g) ?? []).length,
        operations,
      }))
      .sort((a, b) => a.parameters - b.parameters || b.template.length - a.template.length);
  }

  /** Every documented operation, as `GET /staff/{id}`. */
  operations(): string[] {
    return this.routes.flatMap((route) => Object.keys(route.operations).filter((m) => METHODS.includes(m)).map((m) => `${m.toUpperCase()} ${route.template}`));
  }

  check(answer: Answer): Verdict {
    const path = pathOf(answer.url);
    const method = answer.method.toLowerCase();
    const route = this.routes.find((candidate) => candidate.pattern.test(path) && candidate.operations[method]);
    if (!route) return { operation: null, problems: this.checkUnrouted(answer, path) };
    const operation = `${method.toUpperCase()} ${route.template}`;
    const responses = route.operations[method].responses ?? {};
    const documented = responses[String(answer.status)] ?? responses[`${String(answer.status)[0]}XX`] ?? responses.default;
    if (!documented) {
      return { operation, problems: [`status ${answer.status} is not documented (documented: ${Object.keys(responses).join(', ')})`] };
    }
    return { operation, problems: this.checkContent(documented, answer) };
  }

  /**
   * A path or method the app has no route for: a 404 in the error shape its area documents (the
   * JSON error body; plain text under /iclock, whose filter answers terminals in text).
   */
  private checkUnrouted(answer: Answer, path: string): string[] {
    const where = `no documented operation for ${answer.method.toUpperCase()} ${path}`;
    if (answer.status !== 404) return [`${where}, yet it answered ${answer.status}`];
    const media = mediaTypeOf(answer.contentType);
    const area = path.split('/')[1];
    const errorSchema = this.routes
      .filter((route) => route.template.split('/')[1] === area)
      .flatMap((route) => Object.values(route.operations))
      .flatMap((operation) => Object.entries(operation.responses ?? {}).filter(([status]) => status.startsWith('4')))
      .map(([, response]) => Object.entries(response.content ?? {}).find(([type]) => mediaMatches(type, media))?.[1].schema)
      .find((schema) => schema !== undefined);
    if (media === 'application/json') return this.errors({ $ref: `${COMPONENTS_ID}#/definitions/ErrorResponseDto` }, answer.body).map((e) => `${where}: ${e}`);
    if (!errorSchema) return [`${where}: its 404 came as "${answer.contentType ?? 'no content type'}", which no error of /${area} documents`];
    return this.errors(toJsonSchema(errorSchema), answer.body).map((e) => `${where}: ${e}`);
  }

  private checkContent(documented: ResponseObject, answer: Answer): string[] {
    const content = documented.content ?? {};
    const mediaTypes = Object.keys(content);
    if (!answer.hasBody) {
      return mediaTypes.length === 0 || answer.method.toUpperCase() === 'HEAD' ? [] : [`the answer has no body, but the document promises ${mediaTypes.join(' or ')}`];
    }
    if (mediaTypes.length === 0) return [`the answer has a body ("${answer.contentType ?? 'no content type'}"), but the document describes none`];
    const media = mediaTypeOf(answer.contentType);
    const match = mediaTypes.find((documentedType) => mediaMatches(documentedType, media));
    if (!match) return [`content type "${answer.contentType ?? 'none'}" is not documented (documented: ${mediaTypes.join(', ')})`];
    const schema = content[match].schema;
    if (!schema) return [];
    if (schema.type === 'string' && schema.format === 'binary') return [];
    return this.errors(toJsonSchema(schema), answer.body);
  }

  /** Validators are shared by identical schemas (most errors are one `$ref` to ErrorResponseDto): each compiles once. */
  private errors(schema: Schema, body: unknown): string[] {
    const key = JSON.stringify(schema);
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.validators.set(key, validate);
    }
    return validate(body) ? [] : describe(validate.errors ?? [], body);
  }
}

function describe(errors: ErrorObject[], body: unknown): string[] {
  return errors.slice(0, 20).map((error) => {
    const at = error.instancePath || '(body)';
    const found = valueAt(body, error.instancePath);
    const extra = error.keyword === 'additionalProperties' ? ` "${String(error.params.additionalProperty)}"` : '';
    return `${at} ${error.message ?? error.keyword}${extra} (schema ${error.schemaPath}; found ${JSON.stringify(found)?.slice(0, 120)})`;
  });
}

function valueAt(body: unknown, pointer: string): unknown {
  let node = body;
  for (const part of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

/** The path exactly as sent: WHATWG URL parsing would resolve `%2e%2e` as `..` where the server does not. */
function pathOf(url: string): string {
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').split(/[?#]/)[0] || '/';
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

function mediaMatches(documented: string, actual: string): boolean {
  const [type, subtype] = documented.toLowerCase().split('/');
  const [actualType, actualSubtype] = actual.split('/');
  return (type === '*' || type === actualType) && (subtype === '*' || subtype === actualSubtype);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
