import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, get, post, setCsrfToken, setUnauthenticatedHandler } from './api';

export interface Grant {
  grantId: number;
  roleCode: string;
  roleName: string;
  orgId: number;
  orgName: string;
  scope: 'own' | 'subtree' | 'region' | 'all';
  active: boolean;
}
export interface Me {
  user: { id: number; username: string; displayName: string; orgId: number; orgName: string; regionCode: string; title: string | null; mustChangePassword: boolean };
  csrfToken: string;
  currentOrgId: number | null;
  grants: Grant[];
  permissions: string[];
}

interface AuthState {
  me: Me | null;
  loading: boolean;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  switchOrg(orgId: number | null): Promise<void>;
  refresh(): Promise<void>;
  can(permission: string): boolean;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const queryClient = useQueryClient();

  // Who the cached data belongs to; undefined until the first answer of /api/auth/me.
  const identity = useRef<string>();
  const accept = useCallback(
    (m: Me | null) => {
      setCsrfToken(m?.csrfToken ?? '');
      setMe(m);
      // Data of one session or org must never show in another. Clearing only on a change
      // keeps queries already running for the same caller (the public portal's) alive;
      // a reset (not a clear) refetches what the mounted pages show.
      const next = m ? `${m.user.id}:${m.currentOrgId ?? ''}` : 'anonymous';
      if (identity.current !== undefined && identity.current !== next) void queryClient.resetQueries();
      identity.current = next;
    },
    [queryClient],
  );

  const refresh = useCallback(async () => {
    try {
      accept(await get<Me>('/api/auth/me'));
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401)) throw err;
      accept(null);
    } finally {
      setLoading(false);
    }
  }, [accept]);

  useEffect(() => {
    setUnauthenticatedHandler(() => setMe(null));
    void refresh();
  }, [refresh]);

  const value = useMemo<AuthState>(
    () => ({
      me,
      loading,
      refresh,
      async login(username, password) {
        const m = await post<Me>('/api/auth/login', { username, password });
        accept(m);
        return m;
      },
      async logout() {
        try {
          await post('/api/auth/logout');
        } finally {
          accept(null);
        }
      },
      async switchOrg(orgId) {
        accept(await post<Me>('/api/auth/switch-org', { orgId }));
      },
      can: (permission) => !!me && (permission === 'authenticated' || me.permissions.includes(permission)),
    }),
    [me, loading, refresh, accept],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** Renders its children only for a caller holding the permission (the server enforces it anyway). */
export function Can({ permission, children }: { permission: string; children: ReactNode }) {
  return useAuth().can(permission) ? <>{children}</> : null;
}
