export const x = (a: bigint): string => a.toString();
