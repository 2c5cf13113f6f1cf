import { admin } from './admin';
import { common } from './common';
import { corrections } from './corrections';
import { employee } from './employee';
import { finance } from './finance';
import { office } from './office';
import { notifications } from './notifications';
import { supervisor } from './supervisor';

export const zhCN = { ...common, ...employee, ...supervisor, ...finance, ...office, ...admin, ...corrections, ...notifications };
