import type { supervisor as zh } from '../zh-CN/supervisor';

export const supervisor: Record<keyof typeof zh, string> = {
};
