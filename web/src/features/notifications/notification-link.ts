/**
 * Where a message leads: the page of what it is about, from its kind and the facts the service
 * gave (`subjectKind`/`subjectId` of a request, `date`, `month`, `deviceId`). null when the message
 * names nothing the console has a page for (a kind added later).
 */
export function notificationLink(kind: string, params: Record<string, unknown>): string | null {
  const text = (key: string) => (typeof params[key] === 'string' ? (params[key] as string) : null);
  const subjectKind = text('subjectKind');
  const subjectId = text('subjectId');
  switch (kind) {
    case 'request_waiting':
    case 'request_reminder':
      return '/approvals';
    case 'request_escalated':
      return '/admin/requests';
    case 'request_decided':
      return requestPage(subjectKind, subjectId);
    case 'daily_problems': {
      const date = text('date');
      return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? `/my-month?month=${date.slice(0, 7)}` : '/my-month';
    }
    case 'handbook_published':
      return '/handbook';
    case 'disciplinary_issued':
      return '/my-records';
    case 'month_ready':
    case 'month_closed':
    case 'month_reopened':
      return '/finance/months';
    case 'terminal_silent':
    case 'terminal_rejected_lines': {
      const deviceId = text('deviceId');
      return deviceId ? `/office/devices/${encodeURIComponent(deviceId)}` : '/office/devices';
    }
    default:
      return null;
  }
}

/** My own request, opened on its page (?request=, ?trip=, ?correction= keep it in the URL). */
function requestPage(subjectKind: string | null, subjectId: string | null): string | null {
  const open = (path: string, param: string) => (subjectId ? `${path}?${param}=${encodeURIComponent(subjectId)}` : path);
  if (subjectKind === 'leave') return open('/leave', 'request');
  if (subjectKind === 'exemption') return open('/trips', 'trip');
  if (subjectKind === 'punch_correction') return open('/corrections', 'correction');
  return null;
}
