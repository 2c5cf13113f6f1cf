/**
 * How a terminal's user PIN names a staff member (a per-device setting):
 * - `employee_no`: the PIN is the employee number itself;
 * - `employee_no_digits`: the PIN is the number inside the employee number, leading zeros aside
 *   (terminals that only take digits: PIN 2 or 0002 is employee E0002).
 */
export const PIN_MAPPINGS = ['employee_no', 'employee_no_digits'] as const;
export type PinMapping = (typeof PIN_MAPPINGS)[number];

/** A staff member whose employee number has the same digits as a PIN. */
export interface PinCandidate {
  pin: string;
  employeeNo: string;
  active: boolean;
}

export type PinMatch = { employeeNo: string } | { refused: string };

/**
 * Picks the person each PIN means. With `employee_no_digits` two employee numbers can share their
 * digits (E0002, F0002): an active person wins over people who have left (their PIN is reused),
 * otherwise the PIN is ambiguous and its punches are kept as rejected rather than guessed.
 */
export function matchPins(mapping: PinMapping, pins: string[], candidates: PinCandidate[]): Map<string, PinMatch> {
  const matches = new Map<string, PinMatch>();
  if (mapping === 'employee_no') {
    for (const pin of pins) matches.set(pin, { employeeNo: pin });
    return matches;
  }
  for (const pin of pins) {
    const all = candidates.filter((candidate) => candidate.pin === pin);
    const active = all.filter((candidate) => candidate.active);
    const chosen = active.length === 1 ? active[0] : all.length === 1 ? all[0] : null;
    if (chosen) matches.set(pin, { employeeNo: chosen.employeeNo });
    else if (all.length === 0) matches.set(pin, { refused: `no staff member's employee number has the digits of PIN ${pin}` });
    else {
      const numbers = all.slice(0, 5).map((candidate) => candidate.employeeNo).join(', ');
      matches.set(pin, { refused: `PIN ${pin} matches several employee numbers (${numbers})` });
    }
  }
  return matches;
}

/**
 * The PIN a person has on a terminal of this mapping (the reverse of matchPins), or null when the
 * employee number has no digits to make one of.
 */
export function pinFor(mapping: PinMapping, employeeNo: string): string | null {
  if (mapping === 'employee_no') return employeeNo;
  const digits = employeeNo.replace(/[^0-9]/g, '').replace(/^0+(?=\d)/, '');
  return digits === '' ? null : digits;
}
