import type { components } from '../api/schema';

type Staff = components['schemas']['StaffDto'];

export interface Session {
  token: string;
  /** Milliseconds since the epoch: the token's own expiry, after which it is not even sent. */
  expiresAt: number;
  staff: Staff;
}

const KEY = 'kaoqin.session';
type Listener = () => void;
const listeners = new Set<Listener>();

/**
 * The sign-in token lives in this origin's localStorage only: never in a URL, never in a cookie
 * (so no other site can make the browser send it), gone on sign-out, on a 401 and at its expiry.
 * Kept across tabs and restarts because staff clock in from a phone where signing in each time
 * would be the reason not to use the console.
 */
function read(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    if (typeof session.token !== 'string' || typeof session.expiresAt !== 'number' || session.expiresAt <= Date.now()) {
      localStorage.removeItem(KEY);
      return null;
    }
    return session;
  } catch {
    return null;
  }
}

let cached: Session | null = read();

export const sessionStore = {
  get: (): Session | null => {
    if (cached && cached.expiresAt <= Date.now()) sessionStore.clear();
    return cached;
  },
  token: (): string | null => sessionStore.get()?.token ?? null,
  set(session: Session): void {
    cached = session;
    localStorage.setItem(KEY, JSON.stringify(session));
    listeners.forEach((listener) => listener());
  },
  updateStaff(staff: Staff): void {
    if (cached) sessionStore.set({ ...cached, staff });
  },
  clear(): void {
    if (cached === null && localStorage.getItem(KEY) === null) return;
    cached = null;
    localStorage.removeItem(KEY);
    listeners.forEach((listener) => listener());
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

// Signing out in one tab signs out the others.
window.addEventListener('storage', (event) => {
  if (event.key !== KEY) return;
  cached = read();
  listeners.forEach((listener) => listener());
});
