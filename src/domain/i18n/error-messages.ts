import type { Language } from './language';

/**
 * The sentence of every error code, in every language, sorted by code. Staff read these in the
 * console, so the Chinese is plain office Chinese, not a translation of the English word for word.
 *
 * Placeholders: `{name}` is a parameter of the error (DomainError.params); a `[…]` segment is
 * dropped when a parameter inside it is missing, so an error thrown without parameters still
 * reads well. Adding a code: add its line here (a test scans src for codes and fails without it).
 */
export const ERROR_MESSAGES: Readonly<Record<string, Readonly<Record<Language, string>>>> = {
  ALREADY_ACTIVE: { 'zh-CN': '该员工已是在职状态', en: 'The staff member is already active' },
  ALREADY_INACTIVE: { 'zh-CN': '该员工已停用', en: 'The staff member is already inactive' },
  ARTICLE_NOT_FOUND: { 'zh-CN': '未找到该条款', en: 'The article was not found' },
  ARTICLE_NOT_IN_FORCE: { 'zh-CN': '请引用[{occurredOn} ]当日有效版本[（第 {version} 版）]的条款', en: 'Cite articles of the handbook version in force[ on {occurredOn}]' },
  BAD_REQUEST: { 'zh-CN': '请求无法处理，请检查后重试', en: 'The request could not be read' },
  BODY_NOT_TEXT: { 'zh-CN': '请以纯文本上传（Content-Type: text/plain）', en: 'Upload the table as plain text lines (Content-Type: text/plain)' },
  BODY_TOO_COMPLEX: { 'zh-CN': '请求内容的字段太多或嵌套太深，未处理', en: 'The request body has more fields or nesting than any request needs' },
  CALENDAR_OVERRIDE_NOT_FOUND: { 'zh-CN': '[{date} ]没有日历调整记录', en: 'There is no calendar override[ on {date}]' },
  CANCEL_BY_EMPLOYEE: { 'zh-CN': '假期开始前只能由本人撤销；待审批的申请请由主管驳回', en: 'Before leave starts only the employee cancels it; a supervisor rejects a pending request' },
  CANCEL_NEEDS_SUPERVISOR: { 'zh-CN': '假期已开始，只能由直接主管或管理员撤销', en: 'Leave that has started can only be cancelled by the supervisor or an administrator' },
  CANNOT_DEACTIVATE_SELF: { 'zh-CN': '不能停用自己的账号，请其他管理员操作', en: 'You cannot deactivate your own account; another admin can' },
  CONFLICT: { 'zh-CN': '与已有记录冲突', en: 'The change conflicts with an existing record' },
  CONSTRAINT_VIOLATED: { 'zh-CN': '数据不符合规则，未保存', en: 'The change breaks a rule of the data' },
  CORRECTION_DAY_NOT_SCHEDULED: { 'zh-CN': '[{date} ]没有排班，只能为有班次的日期补卡', en: 'You have no shift[ on {date}]: only a scheduled day can be corrected' },
  CORRECTION_EXISTS: { 'zh-CN': '这次打卡已有待审批或已批准的补卡申请', en: 'There is already a pending or approved request for this punch' },
  CORRECTION_IN_FUTURE: { 'zh-CN': '不能为还没到的时间补卡', en: 'A make-up punch cannot be for a time still to come' },
  CORRECTION_KIND_NOT_ALLOWED: { 'zh-CN': '考勤规则不允许这种补卡[（{kind}）]', en: 'The policy does not allow this kind of make-up punch[ ({kind})]' },
  CORRECTION_LIMIT_REACHED: { 'zh-CN': '[{month} ]的补卡次数已用完[（每月 {limit} 次）]', en: 'No make-up punch requests left[ for {month}][: the limit is {limit} a month]' },
  CORRECTION_NOT_FOUND: { 'zh-CN': '未找到该补卡申请', en: 'The make-up punch request was not found' },
  CORRECTION_NOT_NEEDED: { 'zh-CN': '这次打卡没有缺卡、迟到或早退，或所填时间不会被记为这次打卡，无需补卡', en: 'That punch is neither missing, late nor early, or the time would not be read as that punch' },
  CORRECTION_OUTSIDE_WINDOW: { 'zh-CN': '补卡时间须在该班次的打卡时段内[（{open} 至 {close}）]', en: "The time must fall in the shift's punch window[ ({open} – {close})]" },
  CORRECTION_TOO_OLD: { 'zh-CN': '已超过补卡期限[：只能补 {earliest} 及以后的日期（含当天共 {daysBack} 天）]', en: 'That day is too far back to correct[: only days from {earliest} on ({daysBack} days, today included)]' },
  DATABASE_BUSY: { 'zh-CN': '系统正忙，请稍后重试', en: 'Every database connection is busy; try again shortly' },
  DATABASE_UNAVAILABLE: { 'zh-CN': '数据库暂时连不上，请稍后重试', en: 'The database is not reachable right now; try again shortly' },
  DEVICE_INACTIVE: { 'zh-CN': '考勤机[ {serial} ]已被管理员停用', en: 'The device[ {serial}] has been deactivated by an administrator' },
  DEVICE_KEY_INVALID: { 'zh-CN': '设备密钥无效、已吊销，或设备已停用', en: 'The device key is unknown, revoked or its device inactive' },
  DEVICE_NOT_ALLOWED: { 'zh-CN': '设备密钥只能上传打卡记录', en: 'A device key can only add punches' },
  DEVICE_NOT_FOUND: { 'zh-CN': '未找到该考勤机', en: 'The device was not found' },
  DEVICE_NOT_REGISTERED: { 'zh-CN': '考勤机[ {serial} ]尚未登记，请管理员先在“设备”中添加', en: 'The device[ {serial}] is not registered; an administrator registers it under /devices' },
  DEVICE_SERIAL_MISSING: { 'zh-CN': '请求未注明考勤机序列号（?SN=）', en: 'The request names no device: add ?SN=<serial number>' },
  DEVICE_SERIAL_TAKEN: { 'zh-CN': '该序列号的考勤机已登记', en: 'A device with this serial number is registered already' },
  DISCIPLINARY_RECORD_NOT_FOUND: { 'zh-CN': '未找到该奖惩记录', en: 'The disciplinary record was not found' },
  DUTY_DATE_TAKEN: { 'zh-CN': '当天已有值班人员（每天只排一人值班）', en: 'Someone is on duty on this date already (H-ATT-2: one person per date)' },
  DUTY_STAFF_NOT_AVAILABLE: { 'zh-CN': '该员工[ {date} ]不能值班：当天不在职或已请假', en: 'That person cannot be on duty[ on {date}]: not employed that day, or on approved leave' },
  EMPLOYEE_NO_TAKEN: { 'zh-CN': '工号已被使用', en: 'This employee number is already in use' },
  EXEMPTION_NOT_FOUND: { 'zh-CN': '未找到该外出申请', en: 'The business trip was not found' },
  FORBIDDEN: { 'zh-CN': '没有权限执行此操作', en: 'You may not do this' },
  HANDBOOK_DRAFT_EXISTS: { 'zh-CN': '已有一份草稿，请先编辑或发布', en: 'There is a draft already: edit or publish it' },
  HANDBOOK_EMPTY: { 'zh-CN': '没有条款的版本不能发布', en: 'A version without articles cannot be published' },
  HANDBOOK_VERSION_NOT_FOUND: { 'zh-CN': '未找到该版本的员工守则', en: 'The handbook version was not found' },
  HANDBOOK_VERSION_PUBLISHED: { 'zh-CN': '已发布的版本不能修改，请新建草稿', en: 'A published version is never edited: draft a new one' },
  HEADERS_TOO_LARGE: { 'zh-CN': '请求头太大', en: 'The request headers are too large' },
  HEALTH_CHECK_FAILED: { 'zh-CN': '健康检查未通过[：{check}]', en: 'A health check failed[: {check}]' },
  ICLOCK_ROUTE_UNKNOWN: { 'zh-CN': '考勤机协议中没有这个地址', en: 'This path is not part of the push protocol this service speaks' },
  IMPORT_FORMAT_UNKNOWN: { 'zh-CN': '无法识别文件格式：请上传表头为 employeeNo,at 的 CSV，或考勤机导出的打卡记录', en: 'Expected a CSV with the header "employeeNo,at" or a ZKTeco tab-separated attendance log' },
  INACTIVE_EMPLOYEE: { 'zh-CN': '该员工已离职或停用', en: 'The employee is no longer active' },
  INTERNAL_ERROR: { 'zh-CN': '系统出错了，请稍后重试', en: 'Something went wrong on our side' },
  INVALID_CREDENTIALS: { 'zh-CN': '用户名或密码错误', en: 'The username or password is wrong' },
  INVALID_LINE: { 'zh-CN': '这一行的格式不对', en: 'The line is not in the expected format' },
  INVALID_TEXT: { 'zh-CN': '文本中有无法保存的字符', en: 'Text must not contain NUL or other characters the database cannot store' },
  LAST_ADMIN: { 'zh-CN': '保存后将没有在职的管理员，请先指定其他管理员', en: 'This change would leave no active administrator' },
  LEAVE_BALANCE_INSUFFICIENT: {
    'zh-CN': '假期余额不足[：{type}可用 {available} 天，本次需要 {requested} 天][：{type}在所请日期可用 {availableHours} 小时，本次需要 {requestedHours} 小时]',
    en: 'Not enough leave left[: {available} day(s) of {type} available, {requested} needed][: {availableHours} hour(s) of {type} available on these dates, {requestedHours} needed]',
  },
  LEAVE_BALANCE_NOT_TRACKED: { 'zh-CN': '该假期类型不计余额[（{type}）]，不能调整', en: 'This leave type keeps no balance[ ({type})]' },
  LEAVE_GRANT_PROBLEMS_CUT: { 'zh-CN': '问题太多，[其余 {count} 条]未列出', en: 'More problems than are listed[: {count} left out]' },
  LEAVE_GRANT_RUN_FAILED: { 'zh-CN': '本次发放假期中途失败，下次运行会补上', en: 'The grant run stopped part way; the next run catches up' },
  LEAVE_LEDGER_INCONSISTENT: { 'zh-CN': '假期台账不一致，未能计算，请联系管理员核对', en: 'The leave ledger breaks its own rules and was not read; have it checked' },
  LEAVE_NOT_FOUND: { 'zh-CN': '未找到该请假申请', en: 'The leave request was not found' },
  LEAVE_NOT_ONE_DAY_AHEAD: { 'zh-CN': '请假须提前一天申请[，首日须在 {today} 之后]；突发情况请按紧急请假事后补办', en: 'Leave is requested at least one day ahead (H-ATT-10)[: the first day must be after {today}]' },
  LEAVE_OVERLAPS: { 'zh-CN': '该时段已有待审批或已批准的请假', en: 'You already have a pending or approved request covering part of this time (H-ATT-10)' },
  LEAVE_RULE_KIND_NOT_ALLOWED: { 'zh-CN': '调休规则只能用于调休假期类型，调休也只能用调休规则[（{type}）]', en: 'Only the time off in lieu type keeps a lieu rule, and it keeps no other[ ({type})]' },
  LEAVE_TYPE_NOT_FOUND: { 'zh-CN': '假期类型不存在或已停用', en: 'The leave type does not exist or is no longer in use' },
  LEAVE_TYPE_TAKEN: { 'zh-CN': '假期类型代码已存在', en: 'This leave type code exists already' },
  LEFT_BEFORE_HIRED: { 'zh-CN': '离职日期不能早于入职日期', en: 'leftOn must not be before hiredOn' },
  MALFORMED_JSON: { 'zh-CN': '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  METHOD_NOT_ALLOWED: { 'zh-CN': '不支持这种请求方式', en: 'This method is not allowed here' },
  METRICS_TOKEN_INVALID: { 'zh-CN': '监控指标的访问令牌无效', en: 'The metrics token is missing or wrong' },
  MONTH_CLOSED: { 'zh-CN': '[{months} ]已结账，当月考勤不能再修改', en: 'Finance has closed[ {months}]: its days can no longer change' },
  MONTH_HAS_PENDING_DAYS: { 'zh-CN': '[{month} ]还有[ {count} 天]考勤待定，暂不能结账', en: '[{month}: ]some days are still pending[ ({count})]' },
  MONTH_NEVER_CLOSED: { 'zh-CN': '[{month} ]还没有结账记录', en: 'There is no closed report[ of {month}]' },
  MONTH_NOT_CLOSED: { 'zh-CN': '[{month} ]尚未结账', en: 'The month[ {month}] is not closed' },
  MONTH_NOT_OVER: { 'zh-CN': '[{month} ]还没结束，不能结账', en: 'The month[ {month}] is not over yet' },
  NOTIFICATION_CHANNEL_INVALID: { 'zh-CN': '通知渠道的设置不正确', en: 'The notification channel is not set up correctly' },
  NOTIFICATION_CHANNEL_NOT_FOUND: { 'zh-CN': '未找到该通知渠道', en: 'The notification channel was not found' },
  NOTIFICATION_DELIVERY_NOT_FOUND: { 'zh-CN': '未找到该发送记录', en: 'The delivery was not found' },
  NOTIFICATION_NOT_FAILED: { 'zh-CN': '只有发送失败的消息可以手动重试[（当前状态：{status}）]', en: 'Only a failed delivery is retried by hand[; this one is {status}]' },
  NOTIFICATION_NOT_FOUND: { 'zh-CN': '未找到该消息', en: 'The notification was not found' },
  NOTIFICATION_SETTINGS_INVALID: { 'zh-CN': '升级提醒必须晚于审批提醒', en: 'The escalation to the office comes after the reminder' },
  NOT_ACCEPTABLE: { 'zh-CN': '无法提供所要求的格式', en: 'The requested format cannot be served' },
  NOT_CURRENT_VERSION: { 'zh-CN': '请确认当前有效的版本[（第 {number} 版）]', en: 'Acknowledge the current handbook[ (version {number})]' },
  NOT_DIRECT_SUPERVISOR: { 'zh-CN': '只有申请人的直接主管或管理员可以审批', en: "Only the requester's direct supervisor, or an administrator, decides this request (H-ORG-3, H-ATT-12)" },
  NOT_FOUND: { 'zh-CN': '未找到相关记录', en: 'Not found' },
  NO_HANDBOOK_IN_FORCE: { 'zh-CN': '[{date} ]没有生效的员工守则', en: 'No handbook version was in force[ on {date}]' },
  ONLY_THE_EMPLOYEE: { 'zh-CN': '只能由员工本人操作', en: 'Only the employee does this on their own record' },
  OVERTIME_CAP_EXCEEDED: { 'zh-CN': '超出加班上限[（上限 {limitMinutes} 分钟，还剩 {leftMinutes} 分钟）]（劳动法第41条）', en: 'The overtime cap is exceeded[ ({cap}: {limitMinutes} min, {leftMinutes} min left)] (Labour Law art. 41)' },
  OVERTIME_LIEU_NOT_ALLOWED: { 'zh-CN': '只有休息日加班可以调休；工作日延长工作时间和法定节假日加班须支付加班费（劳动法第44条）', en: 'Time off in lieu is only for rest-day work; working-day and holiday overtime is paid (Labour Law art. 44)' },
  OVERTIME_NOT_EMPLOYED: { 'zh-CN': '[{date} ]不在职，不能申报加班', en: 'Not employed[ on {date}]: no overtime can be filed for that day' },
  OVERTIME_NOT_FOUND: { 'zh-CN': '未找到该加班申请', en: 'The overtime request was not found' },
  OVERTIME_OVERLAPS: { 'zh-CN': '这段时间已有待审批或已批准的加班申请', en: 'You already have a pending or approved overtime request covering part of this time' },
  OVERTIME_OVERLAPS_SHIFT: { 'zh-CN': '加班时间与[{date} ]的班次时段重叠；加班须在班次时段之外', en: 'The window overlaps the shift[ on {date}]: overtime is work outside the shift' },
  OVERTIME_TOO_LATE: { 'zh-CN': '已超过加班补报期限[：只能申报 {earliest} 及以后的日期]', en: 'Too late to file this overtime[: only days from {earliest} on]' },
  PAYLOAD_TOO_LARGE: { 'zh-CN': '上传的内容太大[（上限 {limit} 字节）]', en: 'The request body is too large[ (at most {limit} bytes)]' },
  POSITION_CODE_TAKEN: { 'zh-CN': '岗位代码已被使用', en: 'This position code is already in use' },
  POSITION_NOT_FOUND: { 'zh-CN': '岗位不存在或已停用', en: 'The position does not exist or is no longer in use' },
  PUNCH_ALREADY_VOIDED: { 'zh-CN': '该打卡记录已作废', en: 'The punch was voided already' },
  PUNCH_EXISTS: { 'zh-CN': '该员工这一秒已有打卡记录', en: 'This person already has a punch at that second' },
  PUNCH_NOT_FOUND: { 'zh-CN': '未找到该打卡记录', en: 'The punch was not found' },
  REFERENCE_NOT_FOUND: { 'zh-CN': '引用的记录不存在', en: 'The change refers to a record that does not exist' },
  REQUEST_TIMEOUT: { 'zh-CN': '请求内容没有按时传完，连接已关闭，请重新提交', en: 'The request did not arrive in time; the connection is closed' },
  ROLE_REQUIRED: { 'zh-CN': '您没有此操作的权限', en: 'This action needs another role' },
  ROSTER_DAY_EMPTY: { 'zh-CN': '[{date} ]没有安排值班', en: 'Nobody is on duty[ on {date}]' },
  SELF_APPROVAL: { 'zh-CN': '不能审批自己的申请或记录', en: 'Nobody decides on their own request or record (H-ORG-3)' },
  SERVICE_UNAVAILABLE: { 'zh-CN': '服务暂时不可用，请稍后重试', en: 'The service is unavailable right now; try again shortly' },
  SHIFTS_OVERLAP: { 'zh-CN': '班次时间与相邻的班次重叠', en: 'The shift would run into another shift' },
  STAFF_NOT_FOUND: { 'zh-CN': '未找到该员工', en: 'The staff member was not found' },
  STATE_CHANGED: { 'zh-CN': '记录刚被其他人修改，请刷新后重试', en: 'The record was changed at the same time; try again' },
  SUPERVISOR_LOOP: { 'zh-CN': '汇报关系不能绕回本人', en: 'The reporting line would loop back to this person (H-ORG-3)' },
  SUPERVISOR_NOT_FOUND: { 'zh-CN': '主管不存在或已离职', en: 'The supervisor does not exist or is no longer active' },
  TIME_IN_FUTURE: { 'zh-CN': '打卡时间晚于当前时间', en: 'The time is in the future' },
  TIME_UNPARSEABLE: { 'zh-CN': '无法识别打卡时间', en: 'The time cannot be read' },
  TOKEN_EXPIRED: { 'zh-CN': '登录已过期，请重新登录', en: 'The token has expired; sign in again' },
  TOKEN_INVALID: { 'zh-CN': '登录凭证无效，请重新登录', en: 'The token is not valid' },
  TOKEN_REVOKED: { 'zh-CN': '登录已失效，请重新登录', en: 'The token is no longer valid; sign in again' },
  TOO_MANY_LOGIN_ATTEMPTS: { 'zh-CN': '登录失败次数过多，请稍后再试', en: 'Too many failed sign-ins; wait before trying again' },
  TOO_MANY_REQUESTS: { 'zh-CN': '操作太频繁，请稍后再试', en: 'Too many requests; slow down' },
  UNAUTHENTICATED: { 'zh-CN': '请先登录', en: 'Sign in and send the token as "Authorization: Bearer <token>"' },
  UNAUTHORIZED: { 'zh-CN': '请先登录', en: 'Sign in first' },
  UNKNOWN_EMPLOYEE: { 'zh-CN': '找不到对应的员工', en: 'No staff member matches' },
  UNPROCESSABLE: { 'zh-CN': '请求无法执行', en: 'The request cannot be carried out' },
  UNSUPPORTED_MEDIA_TYPE: { 'zh-CN': '不支持这种文件类型', en: 'This content type is not supported' },
  UPLOAD_INCOMPLETE: { 'zh-CN': '上传没有完成，请重新上传', en: 'The upload did not complete; send it again' },
  USERNAME_TAKEN: { 'zh-CN': '用户名已被使用', en: 'This username is already in use' },
  VALIDATION_FAILED: { 'zh-CN': '填写的内容有误，请检查后重试', en: 'The request is not valid' },
  WORK_STARTED_AFTER_HIRED: { 'zh-CN': '参加工作时间不能晚于入职日期', en: 'workStartedOn (参加工作时间) must not be after hiredOn' },
};

/** A parameter: a value, or a name that has its own word in each language (a leave type's name). */
export type MessageParam = string | number | Readonly<Record<Language, string>>;
export type MessageParams = Readonly<Record<string, MessageParam>>;

const inLanguage = (value: MessageParam | undefined, language: Language): string | undefined =>
  value === undefined ? undefined : typeof value === 'object' ? value[language] : String(value);

/** Fills `{name}` placeholders; a `[…]` segment whose parameters are not all given is left out. */
export function fillTemplate(template: string, params: MessageParams, language: Language = 'en'): string {
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, name: string) => String(inLanguage(params[name], language)));
  const present = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].every(([, name]) => {
    const value = inLanguage(params[name], language);
    return value !== undefined && value !== '';
  });
  return fill(template.replace(/\[([^\]]*)\]/g, (_, segment: string) => (present(segment) ? segment : '')));
}

/** The sentence of a code in a language; a code missing from the catalogue keeps `fallback`. */
export function errorMessage(code: string, language: Language, params: MessageParams, fallback: string): string {
  const entry = ERROR_MESSAGES[code];
  return entry ? fillTemplate(entry[language], params, language) : fallback;
}
