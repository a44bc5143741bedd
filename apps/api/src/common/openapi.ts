import { applyDecorators, INestApplication, Type } from '@nestjs/common';
import {
  ApiExtraModels,
  DECORATORS,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  DocumentBuilder,
  getSchemaPath,
  OpenAPIObject,
  ParameterObject,
  SwaggerModule,
} from '@nestjs/swagger';
import { ErrorCodes } from '@vufo/domain';

/**
 * The OpenAPI document and the decorators that describe operations with it. The web's API types are
 * generated from this document (apps/web/src/api/schema.d.ts), so what is declared here is what the
 * browser compiles against: a response schema must say what the service really returns.
 */

/** The whole document, from the controllers' metadata; needs no database (see ../openapi.ts). */
export function apiDocument(app: INestApplication): OpenAPIObject {
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Kế hoạch đối ngoại nhân dân — API')
      .setDescription(
        'Plans, appraisal and consolidation of the friendship unions’ annual external-affairs plans.',
      )
      .setVersion('1')
      .addServer('/', 'this server')
      .addBearerAuth()
      // Every operation needs a token unless it opts out with @Public(), as the AuthGuard does.
      .addSecurityRequirements('bearer')
      .build(),
    { extraModels: [ProblemView] },
  );
  return toOpenApi31(normalize(doc));
}

/**
 * What follows from the decorators is written once: a request header (Idempotency-Key, If-Match, each
 * from its one decorator) becomes a component that operations reference, and every operation that
 * needs a token answers 401.
 */
function normalize(doc: OpenAPIObject): OpenAPIObject {
  const components = (doc.components ??= {});
  components.schemas = { ...components.schemas, Vnd: VND_SCHEMA, DiffValue: DIFF_VALUE_SCHEMA };
  components.parameters = { ...components.parameters };
  components.responses = {
    ...components.responses,
    Unauthenticated: {
      description: PROBLEM_TEXT[401],
      content: { [PROBLEM_MEDIA]: { schema: { $ref: getSchemaPath(ProblemView) } } },
    },
  };
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of ['get', 'put', 'post', 'patch', 'delete'] as const) {
      const op = item[method];
      if (!op) continue;
      // @Headers('idempotency-key') adds a bare parameter beside the decorator's; header names are
      // case-insensitive, so they are one parameter, the decorated one.
      const headers = new Map<string, ParameterObject>();
      for (const p of op.parameters ?? [])
        if ('name' in p && p.in === 'header') {
          const seen = headers.get(p.name.toLowerCase());
          if (!seen || (!seen.description && p.description)) headers.set(p.name.toLowerCase(), p);
        }
      const others = (op.parameters ?? []).filter((p) => !('name' in p && p.in === 'header'));
      op.parameters = [
        ...others,
        ...[...headers.values()].map((p) => {
          if (!p.description)
            throw new Error(
              `${method} ${path}: the ${p.name} header needs its decorator (IfMatch, IdempotencyKey).`,
            );
          const key = p.name.replace(/[^A-Za-z0-9]/g, '');
          const declared = components.parameters![key];
          if (declared && JSON.stringify(declared) !== JSON.stringify(p))
            throw new Error(`The ${p.name} header is declared in two ways; use its one decorator.`);
          components.parameters![key] = p;
          return { $ref: `#/components/parameters/${key}` };
        }),
      ];
      if (!op.security || op.security.length)
        op.responses['401'] = { $ref: '#/components/responses/Unauthenticated' };
    }
  }
  return doc;
}

/**
 * OpenAPI 3.1 from the 3.0 that @nestjs/swagger writes: in 3.0 a reference cannot carry a description
 * or be nullable, so Nest wraps it in a one-element `allOf`, and `nullable` means nothing without a
 * `type`. In 3.1 a reference takes siblings and null is a type, which says the same thing plainly
 * (and openapi-typescript turns it into `T | null`).
 */
function toOpenApi31(doc: OpenAPIObject): OpenAPIObject {
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (!node || typeof node !== 'object') return node;
    const n = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, visit(v)])) as Record<
      string,
      unknown
    >;
    const single = Array.isArray(n.allOf) && n.allOf.length === 1 ? (n.allOf[0] as object) : undefined;
    if (single) {
      delete n.allOf;
      delete n.type; // Nest adds `type: object` beside the reference; the referenced schema has the type
      Object.assign(n, single);
    }
    if (n.nullable === true) {
      delete n.nullable;
      if (typeof n.type === 'string') {
        n.type = [n.type, 'null'];
        if (Array.isArray(n.enum)) n.enum = [...n.enum, null];
      } else {
        const { description, ...schema } = n;
        for (const k of Object.keys(n)) delete n[k];
        Object.assign(n, description === undefined ? {} : { description });
        n.anyOf = [schema, { type: 'null' }];
      }
    }
    return n;
  };
  return { ...(visit(doc) as OpenAPIObject), openapi: '3.1.0' };
}

const PROBLEM_MEDIA = 'application/problem+json';

// ---------------------------------------------------------------------------------------------
// Shared schemas

/** Integer VND (API.md): a JSON number when it is a safe integer, else a decimal string. */
const VND_SCHEMA = {
  description:
    'Integer VND: a JSON number when it is a safe integer, else a decimal string; never a fraction.',
  oneOf: [{ type: 'integer' as const }, { type: 'string' as const, pattern: '^\\d+$' }],
};

/** A field's value in a difference (libs/domain/src/approval/diff.ts DiffValue): any JSON value. */
const DIFF_VALUE_SCHEMA = {
  description: 'A field value as it was or became: string, number, boolean, null, list or object.',
  anyOf: [
    { type: 'string' as const },
    { type: 'number' as const },
    { type: 'boolean' as const },
    { type: 'array' as const, items: { $ref: '#/components/schemas/DiffValue' } },
    { type: 'object' as const, additionalProperties: { $ref: '#/components/schemas/DiffValue' } },
  ],
  nullable: true,
};

export function DiffValueProperty(opts: PropertyOptions = {}) {
  return property({ allOf: [{ $ref: '#/components/schemas/DiffValue' }] }, opts);
}

/** A money field of a response: a reference to the one `Vnd` schema. */
export const VND_REF = { $ref: '#/components/schemas/Vnd' };
export function VndProperty(opts: PropertyOptions = {}) {
  return property({ allOf: [VND_REF] }, opts);
}

type PropertyOptions = { nullable?: boolean; optional?: boolean; description?: string };

function property(schema: Record<string, unknown>, opts: PropertyOptions) {
  return ApiProperty({
    ...schema,
    required: !opts.optional,
    ...(opts.nullable ? { nullable: true } : {}),
    ...(opts.description ? { description: opts.description } : {}),
  } as Parameters<typeof ApiProperty>[0]);
}

/** A string field (null when `nullable`: the API writes null, never leaves a field out, unless `optional`). */
export const Str = (opts: PropertyOptions & { format?: string } = {}) =>
  property({ type: 'string', ...(opts.format ? { format: opts.format } : {}) }, opts);
export const Uuid = (opts: PropertyOptions = {}) => property({ type: 'string', format: 'uuid' }, opts);
/** An ISO 8601 instant. */
export const Instant = (opts: PropertyOptions = {}) =>
  property({ type: 'string', format: 'date-time' }, opts);
/** A calendar day, YYYY-MM-DD. */
export const Day = (opts: PropertyOptions = {}) => property({ type: 'string', format: 'date' }, opts);
export const Integer = (opts: PropertyOptions = {}) => property({ type: 'integer' }, opts);
export const Bool = (opts: PropertyOptions = {}) => property({ type: 'boolean' }, opts);
export const Strings = (opts: PropertyOptions = {}) =>
  property({ type: 'array', items: { type: 'string' } }, opts);

/**
 * A code from one of libs/domain's lists, as a named schema (`enumName`), so the generated web
 * types name it too (`components['schemas']['PlanStatus']`).
 */
export function Code(
  values: readonly string[],
  enumName: string,
  opts: PropertyOptions & { each?: boolean } = {},
) {
  return ApiProperty({
    enum: values as string[],
    enumName,
    isArray: opts.each,
    required: !opts.optional,
    ...(opts.nullable ? { nullable: true } : {}),
    ...(opts.description ? { description: opts.description } : {}),
  });
}

/** A nested view (or a list of them with `each`). */
export function Nested(view: Type<unknown>, opts: PropertyOptions & { each?: boolean } = {}) {
  return ApiProperty({
    type: view,
    isArray: opts.each,
    required: !opts.optional,
    ...(opts.nullable ? { nullable: true } : {}),
    ...(opts.description ? { description: opts.description } : {}),
  });
}

/** A JSON object whose keys are data (a funding source, a status) mapping to `values`. */
export function MapOf(values: Record<string, unknown>, opts: PropertyOptions = {}) {
  return property({ type: 'object', additionalProperties: values }, opts);
}

/** Free-form JSON (an event payload, a submitted version's content): its shape is the event type's. */
export const Json = (opts: PropertyOptions = {}) =>
  property({ type: 'object', additionalProperties: true }, opts);

export class FieldErrorView {
  @ApiProperty({ example: 'lines.0.approvedAmount' }) field!: string;
  @ApiProperty() message!: string;
}

/** RFC 9457 problem details, as the ProblemFilter writes them. */
export class ProblemView {
  @ApiProperty({ example: 'about:blank' }) type!: string;
  @ApiProperty({
    example: 'Thông tin chưa hợp lệ',
    description: 'the code’s title in the Accept-Language language (vi by default, en)',
  })
  title!: string;
  @ApiProperty({ type: 'integer', example: 422 }) status!: number;
  @ApiProperty({ enum: ErrorCodes, enumName: 'ErrorCode', description: 'stable; clients match on it' })
  code!: (typeof ErrorCodes)[number];
  @ApiProperty({ description: 'for people, in the Accept-Language language (vi by default, en)' })
  detail!: string;
  @ApiProperty({ type: [FieldErrorView], description: 'each bad field, empty when none is to blame' })
  errors!: FieldErrorView[];
  @ApiPropertyOptional({ description: 'the request path' }) instance?: string;
}

/** `items` + `nextCursor` (API.md "Lists"); `PlanPage extends PageOf(PlanSummaryView) {}`. */
export function PageOf<T>(item: Type<T>) {
  class Page {
    @ApiProperty({ type: [item] }) items!: T[];
    @ApiProperty({ type: 'string', nullable: true, description: 'null on the last page' })
    nextCursor!: string | null;
  }
  return Page;
}

// ---------------------------------------------------------------------------------------------
// Operations

/** A stable id (the generated client's names come from it) and a one-line summary; every operation has both. */
export function Operation(operationId: string, summary: string, description?: string): MethodDecorator {
  return ApiOperation({ operationId, summary, description });
}

type ViewType = Type<unknown> | [Type<unknown>];

/** The success response: 200 with this body. */
export function Ok(view: ViewType, description = 'OK') {
  return ApiResponse({ status: 200, description, type: view });
}

/** The success response of a POST that creates: 201 with this body (Nest's default status for POST). */
export function Created(view: ViewType, description = 'Created') {
  return ApiResponse({ status: 201, description, type: view });
}

/** The success response of a command with nothing to return. */
export function NoContent(description = 'Done; no body') {
  return ApiResponse({ status: 204, description });
}

const PROBLEM_TEXT: Record<ProblemStatus, string> = {
  400: 'The body is not valid JSON.',
  401: 'No token, or an expired or invalid one (`UNAUTHENTICATED`).',
  403: 'The caller’s role or organisation may not do this (`FORBIDDEN`, `SEPARATION_OF_DUTIES`).',
  404: 'Unknown, or not visible to this user (`NOT_FOUND`).',
  409: 'Conflict: `CONFLICT`, `INVALID_TRANSITION`, `STALE_VERSION`, `ALREADY_DECIDED`.',
  413: 'The body is too large (`PAYLOAD_TOO_LARGE`).',
  422: 'Bad input (`VALIDATION_FAILED`, with `errors[]`) or a broken rule (`RULE_VIOLATION`, `DEADLINE_PASSED`, `NO_AGENCY_FOR_FUNCTION`).',
};
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422;

/** The problem+json answers an operation can give, besides those every operation can (401 unless public). */
export function Problems(...statuses: ProblemStatus[]) {
  return applyDecorators(
    ApiExtraModels(ProblemView),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: PROBLEM_TEXT[status],
        content: { [PROBLEM_MEDIA]: { schema: { $ref: getSchemaPath(ProblemView) } } },
      }),
    ),
  );
}

/**
 * The OpenAPI half of @Public(): no security requirement on the operation. Merged into the
 * operation's metadata, so it keeps the id and summary whichever decorator runs first.
 */
export function NoToken(): MethodDecorator {
  return (_target, _key, descriptor) => {
    const previous = Reflect.getMetadata(DECORATORS.API_OPERATION, descriptor.value as object) ?? {};
    Reflect.defineMetadata(
      DECORATORS.API_OPERATION,
      { ...previous, security: [] },
      descriptor.value as object,
    );
    return descriptor;
  };
}
