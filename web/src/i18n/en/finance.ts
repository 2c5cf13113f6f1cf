import type { finance as zh } from '../zh-CN/finance';

export const finance: Record<keyof typeof zh, string> = {
};
