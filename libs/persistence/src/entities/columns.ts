import { Column, ColumnOptions, ValueTransformer } from 'typeorm';

/** VND amounts live in numeric(20,0) and in TypeScript as bigint: never a float anywhere. */
export const vndTransformer: ValueTransformer = {
  to: (v: bigint | null | undefined) => (v === null || v === undefined ? v : v.toString()),
  from: (v: string | null) => (v === null || v === undefined ? v : BigInt(v)),
};

export function VndColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'numeric', precision: 20, scale: 0, transformer: vndTransformer, ...options });
}

export const SCHEMA = 'app';
