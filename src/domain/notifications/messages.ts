import type { Language } from '../i18n/language';
import type { MessageKind } from './kinds';

/**
 * The words of every message, in Chinese and English: a title and a plain-text body rendered
 * from the event's kind and parameters. Pure, so that the in-app list (in the reader's language),
 * the e-mail (in the recipient's) and the group robots (in the company's) say the same thing.
 */
export interface Message {
  title: string;
  text: string;
}

export type MessageParams = Readonly<Record<string, unknown>>;

const SUBJECT_ZH: Record<string, string> = { leave: '请假', exemption: '因公外出', punch_correction: '补卡', overtime: '加班' };
const SUBJECT_EN: Record<string, string> = { leave: 'leave request', exemption: 'business trip', punch_correction: 'make-up punch', overtime: 'overtime request' };
const STATUS_ZH: Record<string, string> = { approved: '已批准', rejected: '已驳回', filed: '已备案', cancelled: '已撤销', revoked: '已撤回（不实证明）' };
const STATUS_EN: Record<string, string> = { approved: 'approved', rejected: 'rejected', filed: 'filed', cancelled: 'cancelled', revoked: 'revoked' };
const ACTION_ZH: Record<string, string> = { warning: '警告', fine: '罚款' };

const str = (params: MessageParams, key: string): string => {
  const value = params[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};
const num = (params: MessageParams, key: string): number => (typeof params[key] === 'number' ? (params[key] as number) : 0);

// A kind another flow adds later (overtime, terminal commands) reads by its code until it has a name.
const subjectZh = (params: MessageParams) => SUBJECT_ZH[str(params, 'subjectKind')] ?? str(params, 'subjectKind');
const subjectEn = (params: MessageParams) => SUBJECT_EN[str(params, 'subjectKind')] ?? str(params, 'subjectKind').replace(/_/g, ' ');
const summaryZh = (params: MessageParams) => (str(params, 'summary') ? `（${str(params, 'summary')}）` : '');
const summaryEn = (params: MessageParams) => (str(params, 'summary') ? ` (${str(params, 'summary')})` : '');
const yuan = (fen: number) => (fen / 100).toFixed(2);

/** Yesterday's problems as one line each. */
function problems(params: MessageParams, language: Language): string {
  const lines: string[] = [];
  const late = num(params, 'lateMinutes');
  if (late > 0) lines.push(language === 'en' ? `late by ${late} min (H-ATT-5)` : `迟到 ${late} 分钟（H-ATT-5）`);
  const missing = num(params, 'missingPunches');
  if (missing > 0) lines.push(language === 'en' ? `${missing} missing punch${missing === 1 ? '' : 'es'} (H-ATT-7)` : `缺卡 ${missing} 次（H-ATT-7）`);
  if (params.absent === true) lines.push(language === 'en' ? 'counted as unexcused absence (H-ATT-6)' : '计旷工（H-ATT-6）');
  return lines.map((line) => `- ${line}`).join('\n');
}

type Render = (params: MessageParams) => Message;

const MESSAGES: Record<MessageKind, Record<Language, Render>> = {
  request_waiting: {
    'zh-CN': (p) => ({ title: `待审批：${str(p, 'requesterName')}的${subjectZh(p)}`, text: `${str(p, 'requesterName')}提交了${subjectZh(p)}${summaryZh(p)}，等待您审批（H-ORG-3）。` }),
    en: (p) => ({ title: `Waiting for you: ${subjectEn(p)} of ${str(p, 'requesterName')}`, text: `${str(p, 'requesterName')} submitted a ${subjectEn(p)}${summaryEn(p)}; it waits for your decision (H-ORG-3).` }),
  },
  request_reminder: {
    'zh-CN': (p) => ({ title: `提醒：${str(p, 'requesterName')}的${subjectZh(p)}已等待 ${num(p, 'hours')} 小时`, text: `${str(p, 'requesterName')}的${subjectZh(p)}${summaryZh(p)}提交已超过 ${num(p, 'hours')} 小时，仍在等待您审批。` }),
    en: (p) => ({ title: `Reminder: ${subjectEn(p)} of ${str(p, 'requesterName')} waiting ${num(p, 'hours')} h`, text: `The ${subjectEn(p)} of ${str(p, 'requesterName')}${summaryEn(p)} was submitted more than ${num(p, 'hours')} hours ago and still waits for your decision.` }),
  },
  request_escalated: {
    'zh-CN': (p) => ({ title: `超时未审批：${str(p, 'requesterName')}的${subjectZh(p)}`, text: `${str(p, 'requesterName')}的${subjectZh(p)}${summaryZh(p)}已等待 ${num(p, 'hours')} 小时无人审批，请办公室跟进（审批人：${str(p, 'approverName') || '管理员'}）。` }),
    en: (p) => ({ title: `Not decided: ${subjectEn(p)} of ${str(p, 'requesterName')}`, text: `The ${subjectEn(p)} of ${str(p, 'requesterName')}${summaryEn(p)} has waited ${num(p, 'hours')} hours without a decision; the office follows up (approver: ${str(p, 'approverName') || 'an administrator'}).` }),
  },
  request_decided: {
    'zh-CN': (p) => ({ title: `您的${subjectZh(p)}${STATUS_ZH[str(p, 'status')] ?? str(p, 'status')}`, text: `您的${subjectZh(p)}${summaryZh(p)}已由${str(p, 'actorName')}处理：${STATUS_ZH[str(p, 'status')] ?? str(p, 'status')}。${str(p, 'comment') ? `意见：${str(p, 'comment')}` : ''}` }),
    en: (p) => ({ title: `Your ${subjectEn(p)} was ${STATUS_EN[str(p, 'status')] ?? str(p, 'status')}`, text: `Your ${subjectEn(p)}${summaryEn(p)} was ${STATUS_EN[str(p, 'status')] ?? str(p, 'status')} by ${str(p, 'actorName')}.${str(p, 'comment') ? ` Comment: ${str(p, 'comment')}` : ''}` }),
  },
  daily_problems: {
    'zh-CN': (p) => ({ title: `${str(p, 'date')} 考勤异常`, text: `您 ${str(p, 'date')} 的考勤有以下问题：\n${problems(p, 'zh-CN')}\n如有误，请及时申请补卡或补办请假（H-ATT-11）。` }),
    en: (p) => ({ title: `Attendance problems on ${str(p, 'date')}`, text: `Your attendance on ${str(p, 'date')} has these problems:\n${problems(p, 'en')}\nIf this is wrong, ask for a make-up punch or file the leave afterwards (H-ATT-11).` }),
  },
  handbook_published: {
    'zh-CN': (p) => ({ title: `员工守则第 ${num(p, 'version')} 版已发布`, text: `员工守则第 ${num(p, 'version')} 版已发布，请阅读并确认。` }),
    en: (p) => ({ title: `Staff handbook version ${num(p, 'version')} published`, text: `Version ${num(p, 'version')} of the staff handbook was published; please read and acknowledge it.` }),
  },
  disciplinary_issued: {
    'zh-CN': (p) => ({ title: `新的奖惩记录：${ACTION_ZH[str(p, 'action')] ?? str(p, 'action')}`, text: `${str(p, 'occurredOn')} 的奖惩记录（${ACTION_ZH[str(p, 'action')] ?? str(p, 'action')}${str(p, 'action') === 'fine' ? ` ${yuan(num(p, 'amountFen'))} 元` : ''}）与您有关，请查看并确认或申诉。` }),
    en: (p) => ({ title: `A disciplinary record concerns you: ${str(p, 'action')}`, text: `A disciplinary record of ${str(p, 'occurredOn')} (${str(p, 'action')}${str(p, 'action') === 'fine' ? ` of ${yuan(num(p, 'amountFen'))} yuan` : ''}) concerns you; read it and acknowledge or appeal.` }),
  },
  month_ready: {
    'zh-CN': (p) => ({ title: `${str(p, 'month')} 可以结账`, text: `${str(p, 'month')} 已结束且没有待定的考勤日，可以结账（H-ORG-2）。` }),
    en: (p) => ({ title: `${str(p, 'month')} is ready to close`, text: `${str(p, 'month')} is over and no day is pending: the month can be closed (H-ORG-2).` }),
  },
  month_closed: {
    'zh-CN': (p) => ({ title: `${str(p, 'month')} 已结账`, text: `${str(p, 'month')} 已由${str(p, 'actorName')}结账，月报已存档。` }),
    en: (p) => ({ title: `${str(p, 'month')} was closed`, text: `${str(p, 'month')} was closed by ${str(p, 'actorName')}; its report is stored.` }),
  },
  month_reopened: {
    'zh-CN': (p) => ({ title: `${str(p, 'month')} 已重新打开`, text: `${str(p, 'month')} 已由${str(p, 'actorName')}重新打开，原因：${str(p, 'reason')}` }),
    en: (p) => ({ title: `${str(p, 'month')} was reopened`, text: `${str(p, 'month')} was reopened by ${str(p, 'actorName')}. Reason: ${str(p, 'reason')}` }),
  },
  terminal_silent: {
    'zh-CN': (p) => ({ title: `考勤机 ${str(p, 'deviceName')} 已 ${num(p, 'minutes')} 分钟未联系`, text: `考勤机 ${str(p, 'deviceName')}（${str(p, 'serialNumber')}）最后联系于 ${str(p, 'lastSeenLocal') || '从未'}，已超过 ${num(p, 'minutes')} 分钟，请检查网络和电源。` }),
    en: (p) => ({ title: `Terminal ${str(p, 'deviceName')} not seen for ${num(p, 'minutes')} min`, text: `Terminal ${str(p, 'deviceName')} (${str(p, 'serialNumber')}) last called in at ${str(p, 'lastSeenLocal') || 'never'}, more than ${num(p, 'minutes')} minutes ago; check its network and power.` }),
  },
  terminal_rejected_lines: {
    'zh-CN': (p) => ({ title: `考勤机 ${str(p, 'deviceName')} 有 ${num(p, 'lines')} 条记录未能保存`, text: `考勤机 ${str(p, 'deviceName')}（${str(p, 'serialNumber')}）上传的 ${num(p, 'lines')} 条打卡记录未能保存（最近一条：${str(p, 'reason')}），请在“设备”中查看。` }),
    en: (p) => ({ title: `Terminal ${str(p, 'deviceName')}: ${num(p, 'lines')} lines not stored`, text: `Terminal ${str(p, 'deviceName')} (${str(p, 'serialNumber')}) uploaded ${num(p, 'lines')} punch lines that were not stored (latest: ${str(p, 'reason')}); see them under Devices.` }),
  },
};

/** The message of an event in a language; an unknown kind (a newer instance's) reads by its code. */
export function renderMessage(kind: string, params: MessageParams, language: Language): Message {
  const render = (MESSAGES as Record<string, Record<Language, Render> | undefined>)[kind];
  if (!render) return { title: kind, text: kind };
  return render[language](params);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

/** The e-mail's HTML part: the same words, escaped (names and comments are people's text). */
export function messageHtml(message: Message): string {
  const paragraphs = message.text.split('\n').map((line) => `<p>${escapeHtml(line)}</p>`).join('');
  return `<!doctype html><html><body><h2>${escapeHtml(message.title)}</h2>${paragraphs}</body></html>`;
}

const MARKDOWN_SPECIAL = /([\\`*_[\]#>])/g;

/** A robot's markdown: a heading and the body, people's text kept from reading as markup. */
export function messageMarkdown(message: Message): string {
  const escape = (text: string) => text.replace(MARKDOWN_SPECIAL, '\\$1');
  return `### ${escape(message.title)}\n\n${message.text.split('\n').map(escape).join('\n\n')}`;
}
