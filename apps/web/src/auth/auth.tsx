import { useQueryClient } from '@tanstack/react-query';
import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { getToken, setToken, setUnauthorizedHandler } from '../api/client';
import type { Me } from '../api/types';
import { ErrorState, Loading } from '../common/states';
import { meQuery, requestToken, useMeQuery } from './identityApi';

interface AuthContextValue {
  me: Me | null;
  login: (login: string, password: string) => Promise<Me>;
  logout: () => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

/** Who is signed in: the token lives for the browser tab; `GET /api/me` says who it belongs to. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [hasToken, setHasToken] = useState(Boolean(getToken()));
  const session = useMeQuery(hasToken);

  const logout = useCallback(() => {
    setToken(null);
    setHasToken(false);
    qc.clear();
    navigate('/login');
  }, [qc, navigate]);

  useEffect(() => {
    setUnauthorizedHandler(logout);
    return () => setUnauthorizedHandler(null);
  }, [logout]);

  const login = useCallback(
    async (login: string, password: string) => {
      setToken(await requestToken(login, password));
      qc.clear();
      const me = await qc.fetchQuery(meQuery);
      setHasToken(true);
      return me;
    },
    [qc],
  );

  const value = useMemo<AuthContextValue>(() => {
    const me = hasToken ? (session.data ?? null) : null;
    return { me, login, logout };
  }, [hasToken, session.data, login, logout]);

  if (hasToken && session.isPending) return <Loading />;
  if (hasToken && session.isError)
    return <ErrorState error={session.error} onRetry={() => session.refetch()} />;
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe on a public page');
  return me;
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  const location = useLocation();
  if (!me) return <Navigate to="/login" state={{ from: location.pathname + location.search }} replace />;
  return <>{children}</>;
}
