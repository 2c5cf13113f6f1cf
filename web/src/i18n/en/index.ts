import { admin } from './admin';
import { common } from './common';
import { corrections } from './corrections';
import { overtime } from './overtime';
import { employee } from './employee';
import { finance } from './finance';
import { office } from './office';
import { notifications } from './notifications';
import { supervisor } from './supervisor';
import { terminals } from './terminals';

export const en = { ...common, ...employee, ...supervisor, ...finance, ...office, ...admin, ...corrections, ...overtime, ...terminals, ...notifications };
