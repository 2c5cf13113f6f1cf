/**
 * The sentence a supervisor signs by approving a business trip (H-ATT-8, H-ATT-9, H-ATT-12), word
 * for word as the service records it (src/exemptions/dto/exemption.dto.ts ATTESTATION_TEMPLATE; the
 * supervisor journey checks that the signed record equals what the screen showed). It is not
 * imported from there because that file carries the server's validation decorators.
 */
const TEMPLATE =
  'I, {supervisor} ({supervisorNo}), certify that {employee} ({employeeNo}) was out on company business on {date} ({window}) at {destination}, and I share the liability for this certification (H-ATT-8, H-ATT-9).';

export interface AttestationValues {
  supervisor: string;
  supervisorNo: string;
  employee: string;
  employeeNo: string;
  date: string;
  from: string | null;
  to: string | null;
  destination: string;
}

export function attestationSentence(values: AttestationValues): string {
  const window = values.from === null ? 'the whole day' : `${values.from}–${values.to}`;
  return TEMPLATE.replace('{supervisor}', values.supervisor)
    .replace('{supervisorNo}', values.supervisorNo)
    .replace('{employee}', values.employee)
    .replace('{employeeNo}', values.employeeNo)
    .replace('{date}', values.date)
    .replace('{window}', window)
    .replace('{destination}', values.destination);
}
