import { requestWorkflow, type RequestAction, type RequestStatus } from './request-workflow';

export type CorrectionStatus = RequestStatus;
export type CorrectionAction = RequestAction;

/**
 * Make-up punches (补卡, issue 17): the request flow of request-workflow.ts. Approval adds the
 * punch; the office's cancellation voids it.
 */
export const CORRECTION_WORKFLOW = requestWorkflow({ filed: 'make-up punches', cancelled: 'an approved make-up punch' });
