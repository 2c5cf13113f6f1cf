import { Foundation1764230400000 } from './1764230400000-Foundation';
import { ScheduleAndPunches1764316800000 } from './1764316800000-ScheduleAndPunches';
import { AttendanceDays1764403200000 } from './1764403200000-AttendanceDays';
import { LeaveAndExemptions1764489600000 } from './1764489600000-LeaveAndExemptions';
import { DeviceProtocol1764576000000 } from './1764576000000-DeviceProtocol';
import { ReportsAndClose1764662400000 } from './1764662400000-ReportsAndClose';
import { StaffRules1764748800000 } from './1764748800000-StaffRules';
import { AttendanceQueue1764835200000 } from './1764835200000-AttendanceQueue';
import { DeviceRejectedLinesCap1800000100000 } from './1800000100000-DeviceRejectedLinesCap';
import { AuditRequestId1800000200000 } from './1800000200000-AuditRequestId';
import { CompanyLanguage1800000400000 } from './1800000400000-CompanyLanguage';
import { DayFacts1800000400001 } from './1800000400001-DayFacts';
import { LeaveBalances1800000500000 } from './1800000500000-LeaveBalances';
import { LeaveEndedEarly1800000550000 } from './1800000550000-LeaveEndedEarly';
import { PunchCorrections1800000600000 } from './1800000600000-PunchCorrections';
import { OvertimeDays1800000700000 } from './1800000700000-OvertimeDays';
import { OvertimeRequests1800000700100 } from './1800000700100-OvertimeRequests';
import { LieuBalance1800000700200 } from './1800000700200-LieuBalance';
import { TerminalsInTheField1800000800000 } from './1800000800000-TerminalsInTheField';
import { DeviceCommands1800000800001 } from './1800000800001-DeviceCommands';
import { Notifications1800000900000 } from './1800000900000-Notifications';
import { DeviceUsers1800001000000 } from './1800001000000-DeviceUsers';
import { DayDigest1800001100000 } from './1800001100000-DayDigest';
import { DayFactsJson1800001200000 } from './1800001200000-DayFactsJson';

/** Every migration, oldest first. Listed, not globbed, so that the same list works from ts and js. */
export const MIGRATIONS = [Foundation1764230400000, ScheduleAndPunches1764316800000, AttendanceDays1764403200000, LeaveAndExemptions1764489600000, DeviceProtocol1764576000000, ReportsAndClose1764662400000, StaffRules1764748800000, AttendanceQueue1764835200000, DeviceRejectedLinesCap1800000100000, AuditRequestId1800000200000, CompanyLanguage1800000400000, DayFacts1800000400001, LeaveBalances1800000500000, LeaveEndedEarly1800000550000, PunchCorrections1800000600000, OvertimeDays1800000700000, OvertimeRequests1800000700100, LieuBalance1800000700200, TerminalsInTheField1800000800000, DeviceCommands1800000800001, Notifications1800000900000, DeviceUsers1800001000000, DayDigest1800001100000, DayFactsJson1800001200000];
