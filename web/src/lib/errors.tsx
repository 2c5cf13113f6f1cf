import { Alert, Button, type FormInstance } from 'antd';
import { ApiError } from '../api/client';
import { useT } from '../i18n';

/** The sentence to show for a failure: the service's own (it answers in the reader's language), else the catalogue's. */
export function useErrorText(): (error: unknown) => string {
  const t = useT();
  return (error: unknown) => {
    if (error instanceof ApiError) {
      if (error.code === 'NETWORK_UNREACHABLE') return t('error.network');
      if (error.body.message) return error.body.message;
      // The service always says what went wrong; a bare status (a proxy's 502) gets the general sentence.
      return t('error.unknown', { status: error.status });
    }
    return t('error.unknown', { status: '?' });
  };
}

/**
 * Puts the service's field errors beside their fields (`details[].field` is the request's field
 * path, `dates.0` for an array item). Returns the details no field of the form shows, so that the
 * caller can show them above the form: nothing the service said is lost.
 */
export function applyFieldErrors(form: FormInstance, error: unknown): { field: string; message: string }[] {
  if (!(error instanceof ApiError)) return [];
  const known = new Set(Object.keys(form.getFieldsValue(true)));
  const unplaced: { field: string; message: string }[] = [];
  const byField = new Map<string, string[]>();
  for (const detail of error.body.details) {
    const top = detail.field.split('.')[0];
    if (known.has(top)) byField.set(top, [...(byField.get(top) ?? []), detail.message]);
    else unplaced.push(detail);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return unplaced;
}

/** A failure as a banner: the sentence, and the details that belong to no field. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const text = useErrorText();
  const t = useT();
  if (!error) return null;
  const details = error instanceof ApiError ? error.body.details : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={text(error)}
      description={details.length > 0 ? <ul className="error-details">{details.map((d, i) => <li key={i}>{d.field ? `${d.field}: ` : ''}{d.message}</li>)}</ul> : undefined}
      action={onRetry ? <Button size="small" onClick={onRetry}>{t('error.retry')}</Button> : undefined}
    />
  );
}
