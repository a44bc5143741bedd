import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Colleague, Me, Page } from '../api/types';

/** Identity: who is signed in, signing in, and the colleagues of one's organisation. */
export const identityKeys = {
  me: ['me'] as const,
  colleagues: ['users'] as const,
};

/** `GET /api/me`: the signed-in user, shared by the session check and the login that follows it. */
export const meQuery = queryOptions({ queryKey: identityKeys.me, queryFn: () => api<Me>('/me') });

export function useMeQuery(enabled: boolean) {
  return useQuery({ ...meQuery, enabled });
}

/** Exchanges a login and password for a bearer token (the one call made without one). */
export async function requestToken(login: string, password: string): Promise<string> {
  const res = await api<{ accessToken: string }>('/auth/login', {
    method: 'POST',
    body: { login, password },
  });
  return res.accessToken;
}

export function useColleagues() {
  return useQuery({ queryKey: identityKeys.colleagues, queryFn: () => api<Page<Colleague>>('/users') });
}
