import { requestWorkflow, type RequestAction, type RequestStatus } from './request-workflow';

export type OvertimeStatus = RequestStatus;
export type OvertimeAction = RequestAction;

/**
 * Overtime requests (加班, issue 22): the request flow of request-workflow.ts. Approval and
 * cancellation change what the day credits.
 */
export const OVERTIME_WORKFLOW = requestWorkflow({ filed: 'overtime', cancelled: 'approved overtime' });
