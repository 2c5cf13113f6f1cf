import { ApiError } from '../api/client';
import { sessionStore } from '../auth/session-store';
import { currentLanguage } from '../i18n/language-store';

/**
 * Downloads an export through fetch with the token in a header (never in the URL, where it would
 * land in history and logs), then hands the bytes to the browser under the service's file name.
 */
export async function downloadFile(path: string, accept: string, fallbackName: string): Promise<void> {
  const token = sessionStore.token();
  const response = await fetch(path, {
    headers: { Accept: accept, 'Accept-Language': currentLanguage(), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  });
  if (!response.ok) {
    if (response.status === 401) sessionStore.clear();
    const body = await response.json().catch(() => null);
    throw new ApiError(response.status, body && typeof body.code === 'string' ? body : { statusCode: response.status, code: `HTTP_${response.status}`, message: '', details: [] });
  }
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = star ? decodeURIComponent(star[1]) : plain ? plain[1] : fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
