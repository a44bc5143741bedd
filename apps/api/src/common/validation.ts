import {
  applyDecorators,
  ArgumentMetadata,
  Injectable,
  PipeTransform,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance, Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  registerDecorator,
  ValidateIf,
  validateSync,
} from 'class-validator';
import { DomainError, FieldError, parseVnd } from '@vufo/domain';

/**
 * "Optional" means the field may be left out; null is a value, and only a `nullable` field takes it.
 * (class-validator's IsOptional lets null through, and a null then reaches the database as "unset".)
 */
export const Absent = () => ValidateIf((_o, v) => v !== undefined);
const AbsentOrNull = () => ValidateIf((_o, v) => v !== undefined && v !== null);

/** A PATCH that names no field changes nothing, and is more likely a client bug than intent. */
export function requireChanges(dto: object): void {
  if (Object.values(dto).every((v) => v === undefined)) {
    throw new DomainError('VALIDATION_FAILED', 'Nothing to change: send at least one field.', [
      { field: '', message: 'no field to change' },
    ]);
  }
}

/** whitelist + forbidNonWhitelisted: an unknown field is an error, never silently dropped. */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new DomainError(
        'VALIDATION_FAILED',
        fields.map((f) => `${f.field}: ${f.message}`).join('; ') || 'Invalid input',
        fields,
      );
    },
  });
}

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Free text that must not be blank; trimmed; bounded so a 100 KB string is refused, not stored. */
export function Text(
  max = 500,
  opts: { optional?: boolean; nullable?: boolean; example?: string } = {},
): PropertyDecorator {
  const decorators = [
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    MinLength(1, { message: '$property must not be empty' }),
    MaxLength(max),
  ];
  // A nullable text is cleared with null (never with ""; an empty text is a typing slip).
  if (opts.nullable) {
    return applyDecorators(
      ApiPropertyOptional({ maxLength: max, example: opts.example, nullable: true }),
      AbsentOrNull(),
      ...decorators,
    );
  }
  return opts.optional
    ? applyDecorators(ApiPropertyOptional({ maxLength: max, example: opts.example }), Absent(), ...decorators)
    : applyDecorators(ApiProperty({ maxLength: max, example: opts.example }), ...decorators);
}

/** Long free text that may be empty (objectives, results). */
export function LongText(
  max = 20_000,
  opts: { optional?: boolean; nullable?: boolean } = {},
): PropertyDecorator {
  const decorators = [IsString(), MaxLength(max)];
  if (opts.nullable) {
    return applyDecorators(
      ApiPropertyOptional({ maxLength: max, nullable: true }),
      AbsentOrNull(),
      ...decorators,
    );
  }
  return opts.optional
    ? applyDecorators(ApiPropertyOptional({ maxLength: max }), Absent(), ...decorators)
    : applyDecorators(ApiProperty({ maxLength: max }), ...decorators);
}

/**
 * A code from a list (libs/domain's, one source per list); `name` is the list's schema in the OpenAPI
 * document, shared with the response views (e.g. PlanStatus).
 */
export function OneOf(
  values: readonly string[],
  opts: { optional?: boolean; nullable?: boolean; name?: string } = {},
): PropertyDecorator {
  const decorators = [
    IsIn(values as string[], { message: `$property must be one of: ${values.join(', ')}` }),
  ];
  return opts.optional || opts.nullable
    ? applyDecorators(
        ApiPropertyOptional({ enum: values as string[], enumName: opts.name, nullable: opts.nullable }),
        opts.nullable ? AbsentOrNull() : Absent(),
        ...decorators,
      )
    : applyDecorators(ApiProperty({ enum: values as string[], enumName: opts.name }), ...decorators);
}

export function Int(min: number, max: number, opts: { optional?: boolean } = {}): PropertyDecorator {
  const decorators = [IsInt(), Min(min), Max(max)];
  return opts.optional
    ? applyDecorators(
        ApiPropertyOptional({ type: 'integer', minimum: min, maximum: max }),
        Absent(),
        ...decorators,
      )
    : applyDecorators(ApiProperty({ type: 'integer', minimum: min, maximum: max }), ...decorators);
}

export function TextList(maxItems: number, maxLength: number, pattern?: RegExp): PropertyDecorator {
  const decorators = [
    Absent(),
    IsArray(),
    ArrayMaxSize(maxItems),
    IsString({ each: true }),
    MaxLength(maxLength, { each: true }),
  ];
  if (pattern) decorators.push(Matches(pattern, { each: true }));
  return applyDecorators(ApiPropertyOptional({ type: [String] }), ...decorators);
}

export function DateOnly(opts: { optional?: boolean } = {}): PropertyDecorator {
  const decorators = [
    IsString(),
    Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
      message: '$property must be a date YYYY-MM-DD',
    }),
  ];
  return opts.optional
    ? applyDecorators(ApiPropertyOptional({ format: 'date' }), Absent(), ...decorators)
    : applyDecorators(ApiProperty({ format: 'date' }), ...decorators);
}

/**
 * Integer VND: a safe-integer JSON number or a decimal string; never negative, never a fraction.
 * The DTO field becomes a bigint after validation.
 */
export function Vnd(opts: { optional?: boolean; nullable?: boolean } = {}): PropertyDecorator {
  const validate = (target: object, property: string | symbol) => {
    const propertyName = String(property);
    registerDecorator({
      name: 'isVnd',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) => {
          if (typeof value === 'bigint') return value >= 0n;
          try {
            parseVnd(value);
            return true;
          } catch {
            return false;
          }
        },
        defaultMessage: () =>
          `${propertyName} must be a whole, non-negative amount of VND (a safe integer, or a decimal string)`,
      },
    });
  };
  const toBigint = Transform(({ value }) => {
    if (value === null || value === undefined) return value;
    try {
      return parseVnd(value);
    } catch {
      return value;
    }
  });
  const api = ApiProperty({
    oneOf: [{ type: 'integer' }, { type: 'string', pattern: '^\\d+$' }],
    required: !opts.optional,
    nullable: opts.nullable,
  });
  const decorators: PropertyDecorator[] = [api, toBigint, validate];
  if (opts.nullable) decorators.unshift(opts.optional ? AbsentOrNull() : ValidateIf((_o, v) => v !== null));
  else if (opts.optional) decorators.unshift(Absent());
  return applyDecorators(...decorators);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path or query id that is not a UUID is bad input (422), not a database error. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string, meta: ArgumentMetadata): string {
    if (typeof value !== 'string' || !UUID.test(value)) {
      throw new DomainError('VALIDATION_FAILED', `${meta.data ?? 'id'} must be a UUID`, [
        { field: meta.data ?? 'id', message: 'must be a UUID' },
      ]);
    }
    return value.toLowerCase();
  }
}

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * A JSON array body of `item` objects, validated as the global pipe validates one object (unknown
 * fields refused), each error naming its item: `[1].memberOrganizationIds`.
 */
export function validateEach<T extends object>(item: new () => T, body: unknown, field = ''): T[] {
  if (!Array.isArray(body)) {
    throw new DomainError('VALIDATION_FAILED', 'The body must be a JSON array.', [
      { field: field || 'body', message: 'a list' },
    ]);
  }
  const errors: FieldError[] = [];
  const out = body.map((raw, i) => {
    const at = `${field}[${i}]`;
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      errors.push({ field: at, message: 'an object' });
      return raw as T;
    }
    const value = plainToInstance(item, raw, { enableImplicitConversion: false });
    const found = validateSync(value, { whitelist: true, forbidNonWhitelisted: true });
    errors.push(...flatten(found, at));
    return value;
  });
  if (errors.length) {
    throw new DomainError(
      'VALIDATION_FAILED',
      errors.map((f) => `${f.field}: ${f.message}`).join('; '),
      errors,
    );
  }
  return out;
}
