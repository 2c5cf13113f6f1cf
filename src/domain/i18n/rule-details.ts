/**
 * Chinese for the details the service's rules write beside a field (the `*.errors.ts` files, the
 * leave-span rules, the database's constraint names, the refused line of a single punch). Most
 * name their field by standing beside it, so the Chinese is a predicate too. Grouped by area.
 */
export const RULE_DETAILS: [RegExp, (...groups: string[]) => string][] = [
  // said by many areas
  [/^is required$/, () => '必填'],
  [/^is taken$/, () => '已被占用'],
  [/^unknown$/, () => '不存在'],
  [/^must be after (\S+)$/, (what) => `必须晚于 ${what}`],
  [/^must not be before (\S+)$/, (what) => `不能早于 ${what}`],
  [/^(\S+) must not be before (\S+)$/, (f, what) => `${f} 不能早于 ${what}`],
  [/^must not be after (\S+)$/, (what) => `不能晚于 ${what}`],

  // staff (src/staff/staff.errors.ts) and the staff table's constraints
  [/^is required and must be right$/, () => '必填，且须填写正确'],
  [/^is this person or someone who reports to them$/, () => '是本人或其下属，汇报关系会形成循环'],
  [/^must be an active staff member$/, () => '必须是在职员工'],
  [/^must be an active position code \(see GET \/positions\)$/, () => '必须是在用的岗位代码（见 GET /positions）'],
  [/^is you$/, () => '是你自己的账号'],
  [/^is before (\S+)$/, (what) => `早于 ${what}`],
  [/^This employee number is already in use$/, () => '工号已被使用'],
  [/^This username is already in use$/, () => '用户名已被使用'],
  [/^Nobody can be their own supervisor$/, () => '不能把本人设为自己的主管'],

  // leave (src/leave/leave.errors.ts, src/domain/leave-rules.ts)
  [/^is required when emergency is true$/, () => '紧急请假（emergency 为 true）时必填'],
  [/^is only for approved leave that has started$/, () => '只有已批准且已开始的请假才能填写返岗日期'],
  [/^must be from (\S+) to (\S+)$/, (from, to) => `须在 ${from} 至 ${to} 之间`],
  [/^overlaps another request$/, () => '与另一份请假申请的时间重叠'],
  [/^see GET \/leave-types$/, () => '可选的假期类型见 GET /leave-types'],
  [/^the request must cover at least one half day$/, () => '请假至少要有半天'],
  [/^a request covers at most a year$/, () => '一次请假最长一年'],
  [/^You already have a pending or approved request covering part of this time \(H-ATT-10\)$/, () => '该时段已有待审批或已批准的请假'],
  [/^This leave type code exists already$/, () => '假期类型代码已存在'],

  // devices (src/devices/devices.errors.ts): the command queue
  [/^is only for query_attlog$/, () => '仅用于 query_attlog（查询考勤记录）'],

  // punches (src/punches/punches.errors.ts; a single punch refused for the reason its line was, punch-ingest.service.ts)
  [/^a punch exists at this second$/, () => '这一秒已有打卡记录'],
  [/^out of range$/, () => '超出范围'],
  [/^incomplete$/, () => '不完整'],
  [/^at most (\d+) bytes$/, (n) => `最多 ${n} 字节`],
  [/^unrecognised first line$/, () => '无法识别第一行'],
  [/^must be a text type$/, () => '必须是文本类型'],
  [/^no staff member has employee number (\S+)$/, (no) => `没有工号为 ${no} 的员工`],
  [/^(\S+) is no longer active$/, (no) => `${no} 已离职或停用`],
  [/^(\S+) is in the future$/, (at) => `${at} 是未来的时间`],
  [/^(\S+) is in a month finance has closed$/, (date) => `${date} 所在的月份已结账`],

  // make-up punches (src/punch-corrections/punch-corrections.errors.ts) and their constraint
  [/^is not a scheduled day$/, () => '当天没有排班'],
  [/^is in the future$/, () => '是未来的时间'],
  [/^is outside the punch window$/, () => '不在打卡时段内'],
  [/^no requests left this month$/, () => '本月补卡次数已用完'],
  [/^has a live request already$/, () => '已有待审批或已批准的补卡申请'],
  [/^this kind of correction is not allowed$/, () => '考勤规则不允许这种补卡'],
  [/^nothing to correct$/, () => '无需补卡'],
  [/^must be below (\d+)$/, (n) => `须小于 ${n}`],
  [/^There is already a pending or approved request for this punch$/, () => '这次打卡已有待审批或已批准的补卡申请'],

  // months, duty roster, shifts
  [/^must be over$/, () => '这个月还没结束'],
  [/^(\d+) pending day\(s\)$/, (n) => `还有 ${n} 天待定`],
  [/^not available that day$/, () => '当天不能值班（不在职或已请假）'],
  [/^Someone was put on duty on this date at the same time \(H-ATT-2: one person per date\)$/, () => '同一时间已有人排在这天值班（每天只排一人）'],
  [/^sessions must be in order and must not overlap$/, () => 'sessions 必须按时间先后排列，且不能重叠'],
  [
    /^the (\S+) shift \(from (\S+)\) ends at (\S+), after the next day's (\S+) shift \(from (\S+)\) starts at (\S+)$/,
    (first, firstFrom, end, second, secondFrom, start) => `${first} 班次（${firstFrom} 起）${end} 才结束，晚于次日 ${second} 班次（${secondFrom} 起）${start} 的开始`,
  ],

  // handbook and disciplinary records (src/conduct)
  [/^must be absent for a warning$/, () => '警告不填金额'],
  [/^not all are articles of version (\d+)$/, (n) => `不全是第 ${n} 版的条款`],
  [/^must be (\d+)$/, (n) => `必须是 ${n}（当前版本）`],

  // devices, positions, health
  [/^A device with this serial number is registered already$/, () => '该序列号的考勤机已登记'],
  [/^This position code is already in use$/, () => '岗位代码已被使用'],
  [/^(\S+) does not answer \(within 3 s\) or refuses$/, (check) => `${check} 在 3 秒内没有应答，或拒绝连接`],
  [/^a check failed$/, () => '有一项检查未通过'],
  // leave balances and statutory annual leave (src/domain/leave-balance)
  [/^year must be a whole year from (\d+) to (\d+)$/, (from, to) => `year 必须是 ${from} 至 ${to} 之间的整年`],
  [/^(\S+) must be zero or more days, in half days$/, (f) => `${f} 必须是 0 或以上的天数，以半天为单位`],
  [/^workStartedOn must not be after hiredOn$/, () => 'workStartedOn（参加工作时间）不能晚于 hiredOn（入职日期）'],
  [/^maxDays must be more than 0 and at most 365, in half days$/, () => 'maxDays 必须大于 0、不超过 365，以半天为单位'],
  [/^expiresOn must be a day of the year written MM-DD \(not 02-29\)$/, () => 'expiresOn 必须是一年中的某天，写作 MM-DD（不能是 02-29）'],
  [/^days must be a non-zero number of half days$/, () => 'days 必须是非零的天数，以半天为单位'],
  [/^an? (\S+) must have (\S+) days$/, (kind, sign) => `${kind} 的天数必须为${sign === 'negative' ? '负数' : '正数'}`],
  [/^expiresOn must be a real date from the carry-over to the end of its year$/, () => 'expiresOn 必须是结转日至当年年底之间的有效日期'],
  [/^an adjustment needs a reason$/, () => '调整假期余额须写明原因'],
  [/^(\S+) day\(s\) available$/, (n) => `可用 ${n} 天`],
  [/^keeps no balance$/, () => '该假期类型不计余额'],
  [/^(\S+) must be MM-DD$/, (f) => `${f} 必须写作 MM-DD（月-日）`],
  // the grant sweep's problems (GET /leave-balances/grant-runs)
  [/^(\S+) dated in (\S+), which finance has closed$/, (cause, month) => `${cause} 的记账日期在 ${month}，该月已结账，未写入`],
  [/^(\d+) more not listed$/, (n) => `另有 ${n} 条未列出`],
  [/^days must be left out for a (\S+) rule$/, (kind) => `${kind} 规则不填 days`],
  [/^days must be more than 0 and at most 365, in half days$/, () => 'days 必须大于 0、不超过 365，以半天为单位'],
];
